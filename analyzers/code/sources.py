"""Where values come from: request accessors per framework, sanitisers, formatting and pure conversion
calls, and URL parameters of routed views. Used by `analyzers.code.flow`."""

from __future__ import annotations

import re

from tree_sitter import Node

REQUEST_PATTERN = re.compile(
    r"\brequest\.(?:args|form|values|json|data|files|cookies|headers|GET|POST|FILES|COOKIES|META"
    r"|body|query_params|path_params|get_json|getParameter|getParameterValues|getHeader"
    r"|getQueryString|getInputStream|getReader|getCookies|params|query|url|path_info)\b"
    r"|\breq\.(?:query|body|params|headers|cookies|url|originalUrl|path|hostname|get|param)\b"
    r"|\br\.(?:URL|Form|PostForm|FormValue|PostFormValue|Header|Body|Host|Cookie|MultipartForm)\b"
    r"|\$_(?:GET|POST|REQUEST|COOKIE|FILES|SERVER)\b"
    r"|\bparams\[|\bparams\.(?:fetch|require|permit|dig)\b|\bcookies\["
    r"|\bctx\.(?:query|params|request\.body|Query|Param|PostForm|FormValue)\b"
    r"|\bc\.(?:Query|Param|PostForm|FormValue|DefaultQuery|QueryParam|GetHeader)\b"
    r"|\bevent\.(?:body|queryStringParameters|pathParameters)\b"
)
SANITISER_PATTERN = re.compile(
    r"(?:^|\.)(?:quote\w*|escape\w*|\w+_escape|\w+_quote|basename|secure_filename|Base|len"
    r"|Clean|normalize|normpath|realpath|int|float|parseInt|parseFloat|Number|Atoi|ParseInt"
    r"|encodeURIComponent|htmlspecialchars|htmlentities|escape_html|escapeHtml|sanitize\w*"
    r"|clean|bleach\w*|QuoteMeta|shellescape|Integer\.parseInt|to_i)$"
)
FORMATTERS = re.compile(
    r"(?:^|\.)(?:format|Sprintf|sprintf|snprintf|format_map|join|concat|Join|vsprintf|Format"
    r"|formatted|%)$"
)
# Pure conversions of their arguments: constant in, constant out.
CONVERTERS = re.compile(
    r"(?:^|\.)(?:from|alloc|encode|getBytes|fromhex|bytes|bytearray|unhexlify|b64decode"
    r"|toByteArray|String|str|repeat)$"
)
ROUTE_DECORATOR = re.compile(r"\.(?:route|get|post|put|patch|delete)\(")


def is_formatter_call(callee_text: str, full_callee: str) -> bool:
    return bool(FORMATTERS.search(callee_text) or FORMATTERS.search(full_callee))


def is_route_parameter(name: str, function: Node | None) -> bool:
    """Whether `name` is a URL parameter of the Python view `function`
    (`@app.route("/files/<name>")`)."""
    decorated = function.parent if function is not None else None
    if function is None or decorated is None or decorated.type != "decorated_definition":
        return False
    routes = " ".join(
        node_text(child)
        for child in decorated.named_children
        if child.type == "decorator" and ROUTE_DECORATOR.search(node_text(child))
    )
    parameters = function.child_by_field_name("parameters")
    if not routes or parameters is None:
        return False
    names = {node_text(child.child_by_field_name("name") or child) for child in parameters.named_children}
    return name in names and re.search(rf"<(?:\w+:)?{re.escape(name)}>", routes) is not None


def node_text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")
