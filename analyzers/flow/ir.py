"""The intermediate form the data-flow engine interprets: one control-flow graph per function.

A language's lowering (`lower_python`, ...) turns a syntax tree into `Module`s of `Function`s. A function is
a list of `Block`s; a block holds `Statement`s (an assignment of an `Expr` to a variable, a store into an
attribute or an item, an evaluated expression) and ends in one `Terminator` (go to, branch on a value,
return). Operands are variables or constants; every nested expression is flattened into temporaries
(names starting with `$`), assigned once, so the condition of a branch can be read back from the
definitions of its temporaries (`Function.temporaries`). Short-circuit `and`/`or` and conditional
expressions are lowered to plain values here: branches that matter (`if`, `while`, `match`, conditional
expressions) are real branches, so constant conditions fold. A variable read where the function has not
bound it stands for the name outside: the enclosing function's, the module's, or a builtin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzers.record import record

ConstValue = str | bytes | int | float | bool | None


@record
class Var:
    name: str


@record
class Const:
    value: ConstValue


Operand = Var | Const


@record
class Import:
    """`import a.b` (path `a`), `import a.b as c` (`a.b`), `from a import b` (`a.b`)."""

    path: str
    level: int = 0  # leading dots of a relative import


@record
class Attr:
    obj: Operand
    name: str


@record
class Item:
    obj: Operand
    key: Operand


@record
class Slice:
    obj: Operand
    lower: Operand | None
    upper: Operand | None


@record
class Binary:
    op: str  # + - * / // % ** & | ^ << >> and or
    left: Operand
    right: Operand


@record
class Unary:
    op: str  # not - + ~
    operand: Operand


@record
class Compare:
    op: str  # == != < <= > >= in "not in" is "is not"
    left: Operand
    right: Operand


@record
class Call:
    """A call: of `func`, or of method `method` on `func` (the receiver) when `method` is set."""

    func: Operand
    args: tuple[Operand, ...] = ()
    keywords: tuple[tuple[str, Operand], ...] = ()
    method: str | None = None
    spread: Operand | None = None  # *args / **kwargs joined into one value
    label: str = ""  # the callee as written, for messages (`cursor.execute`)
    new: bool = False  # a constructor call (`new T(...)`): the result is of the type called


@record
class Cast:
    """A value given a declared type (`String s = ...`, `(String) x`): the type is named as written."""

    operand: Operand
    type: str


@record
class Format:
    """A string built from parts: f-strings, `%`, `.format`, template literals, `Sprintf`."""

    parts: tuple[Operand, ...]


@record
class Pack:
    """A list, tuple or set display (`kind`), or a dict display when `keys` is given."""

    kind: str
    items: tuple[Operand, ...]
    keys: tuple[Operand, ...] | None = None
    exact: bool = True  # False: a comprehension or a display with unpacking (length unknown)


@record
class Element:
    """One element of an iterable (a `for` target, a comprehension variable, `*rest`)."""

    iterable: Operand


@record
class FunctionRef:
    """A function or class defined here (`def`, `lambda`, `class`), by its id in the module."""

    function_id: str


@record
class Opaque:
    """A value the lowering did not follow (too deep, unsupported): of unknown origin."""

    reason: str


Expr = (
    Operand
    | Import
    | Attr
    | Item
    | Slice
    | Binary
    | Unary
    | Compare
    | Call
    | Cast
    | Format
    | Pack
    | Element
    | FunctionRef
    | Opaque
)


@record
class Assign:
    target: str
    expr: Expr
    line: int


@record
class SetAttr:
    obj: Operand
    name: str
    value: Operand
    line: int


@record
class SetItem:
    obj: Operand
    key: Operand
    value: Operand
    line: int


Statement = Assign | SetAttr | SetItem


@record
class Goto:
    target: int
    cleanup: bool = False  # C's `goto fail`: only what was released travels (see `interpret`)


@record
class Branch:
    test: Operand
    then: int
    orelse: int
    line: int


@record
class Return:
    value: Operand | None
    line: int


Terminator = Goto | Branch | Return


@dataclass(slots=True)
class Block:
    index: int
    statements: list[Statement] = field(default_factory=list)
    terminator: Terminator | None = None  # None: falls off the end (returns None)
    handler: int | None = None  # the block an exception raised here goes to


@record
class Param:
    name: str
    kind: str = (
        "positional"  # positional, keyword (after *), star (*args), double (**kwargs), receiver (`this`)
    )
    has_default: bool = False
    annotation: str = ""  # the annotation's (or declared type's) text, for models that type parameters
    markers: tuple[str, ...] = ()  # the parameter's own annotations (`RequestParam`), by name


@dataclass(slots=True)
class Function:
    id: str  # unique in its module: `view`, `Parser.parse`, `outer.<locals>.inner`, `<module>`
    name: str
    path: str
    module: str  # dotted module name of the file
    start_line: int
    end_line: int
    params: tuple[Param, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    decorators: tuple[str, ...] = ()  # each decorator's callee, as written (`app.route`)
    decorator_args: tuple[tuple[str, ...], ...] = ()  # constant string arguments of each decorator
    class_name: str | None = None  # set for methods
    parent: str | None = None  # id of the enclosing function, for nested ones
    temporaries: dict[str, Expr] = field(default_factory=dict)  # definition of every `$` variable
    locals: frozenset[str] = frozenset()
    truncated: bool = False  # the lowering hit a bound: some values are Opaque
    abstract: bool = False  # declared without a body (an interface's method)


@dataclass(slots=True)
class ClassInfo:
    id: str
    name: str
    bases: tuple[str, ...]  # as written (`Base`, `models.Model`)
    methods: dict[str, str] = field(default_factory=dict)  # method name -> function id
    start_line: int = 0


@dataclass(slots=True)
class Module:
    path: str
    name: str  # dotted module name (`pkg.sub.mod`)
    language: str
    functions: dict[str, Function] = field(default_factory=dict)
    classes: dict[str, ClassInfo] = field(default_factory=dict)  # by class id
    top: str = "<module>"  # id of the function holding the module's top-level statements
    imports: tuple[str, ...] = ()  # every module path it imports, absolute
