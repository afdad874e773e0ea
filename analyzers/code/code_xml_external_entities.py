"""code-xml-external-entities: XML parsed by a parser that resolves external entities."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeXmlExternalEntities(FlowRule):
    """XML parsed by a parser that resolves external entities.

    ## What it flags

    A document parsed with a parser configured to load external entities: a SAX reader given
    `setFeature(feature_external_ges, True)` (or `feature_external_pes`) and then used by
    `xml.dom.minidom`/`pulldom`/`xml.sax` parsing; an `lxml.etree.XMLParser(resolve_entities=True)` or
    `no_network=False` passed to `fromstring`/`parse`/`XML`. In Java, a document parsed by a parser of the
    JDK's factories (`DocumentBuilderFactory`, `SAXParserFactory`, `XMLReader`, `XMLInputFactory`,
    `TransformerFactory`, `SchemaFactory`) that was not hardened: no `disallow-doctype-decl`, secure
    processing, external general entities off, `ACCESS_EXTERNAL_DTD` set to `""`, or StAX's
    `SUPPORT_DTD` off. The parser is followed from where it is configured to where it parses.

    ## Why it is risky

    A document that declares `<!ENTITY x SYSTEM "file:///etc/passwd">` makes the parser read local files
    or fetch URLs from the server's network and put them in the result (XML external entities), or expand
    entities until memory runs out.

    ## Example

    ```diff
    +parser.setFeature(xml.sax.handler.feature_external_ges, True)
    +doc = xml.dom.minidom.parseString(request.data, parser)
    ```

    ## How to fix

    Leave external entities off (the default of the standard library's parsers and of recent lxml), or
    parse untrusted XML with `defusedxml`. In Java, set
    `factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)` (or the settings
    above for StAX, XSLT and schemas) before making the parser.

    ## Tuning

    The document must not be constant: request data is reported at 0.95, data of unknown origin at 0.6
    with the severity one step lower. `defusedxml` parsers are not reported. Test files are skipped.

    ## References

    - CWE-611: Improper Restriction of XML External Entity Reference
    - CWE-776: Improper Restriction of Recursive Entity References in DTDs ('XML Entity Expansion')
    - OWASP: XML External Entity Prevention Cheat Sheet
    """

    meta = RuleMeta(
        id="code-xml-external-entities",
        family=Family.CODE,
        summary="XML parsed with external entities enabled",
        severity=Severity.HIGH,
        cwe=(611, 776),
        languages=("python", "java"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"xxe"})
