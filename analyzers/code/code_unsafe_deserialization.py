"""code-unsafe-deserialization: data deserialized with a format that can build arbitrary objects."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FUNCTION_TYPES, FlowIndex, Origin
from analyzers.code.flow_rule import FlowRule
from analyzers.code.pattern import ancestor_text
from analyzers.query import Captures

_JAVA_FILTERS = ("setObjectInputFilter", "ValidatingObjectInputStream", "ObjectInputFilter")


class CodeUnsafeDeserialization(FlowRule):
    """Data deserialized with a format that can build arbitrary objects.

    ## What it flags

    Deserialization of non-constant data with formats that instantiate arbitrary types or run code:
    `pickle`/`cPickle`/`dill`/`marshal`/`joblib` loads, `shelve.open`, `pandas.read_pickle`,
    `jsonpickle.decode`, `yaml.load` without a safe loader and `yaml.unsafe_load`/`full_load`; Java
    `ObjectInputStream.readObject` without an `ObjectInputFilter`, `XStream.fromXML`, SnakeYAML
    `new Yaml().load`; PHP `unserialize` without `allowed_classes`; Ruby `Marshal.load`, `YAML.load`,
    `Oj.load`; JavaScript `node-serialize` `unserialize`; Go `gob.NewDecoder` reading the request body
    or a connection (gob is not hardened against hostile streams; JSON or YAML into `interface{}`
    only makes maps and slices, and is not flagged).

    ## Why it is risky

    These formats name the classes to build and may call their hooks (`__reduce__`, `readObject`,
    `__wakeup`, `init_with`) while loading. Whoever controls the bytes can often run code (gadget chains)
    before the program has looked at the result.

    ## Example

    ```diff
    +session = pickle.loads(base64.b64decode(request.cookies["session"]))
    ```

    ## How to fix

    Use a data-only format (`json`, `yaml.safe_load`, `YAML.safe_load`, `JSON.parse`), sign data you must
    round-trip, or restrict the classes (`unserialize($s, ['allowed_classes' => false])`, an
    `ObjectInputFilter` allow-list).

    ## Tuning

    Constant arguments are not reported. Confidence is 0.95 for request-derived data, 0.8 when the
    origin is unknown (these formats are risky by themselves). A value of unknown origin lowers the
    severity one step. Java reads in a method that installs an `ObjectInputFilter` are not reported.
    In Python the value is followed through assignments, containers, branches and calls to the change's own functions (and the files they import), with constant conditions folded; the message names the source and the sink with their lines. Test files are skipped.

    ## References

    - CWE-502: Deserialization of Untrusted Data
    - OWASP: Deserialization Cheat Sheet
    """

    meta = RuleMeta(
        id="code-unsafe-deserialization",
        family=Family.CODE,
        summary="Untrusted data deserialized with an object-building format",
        severity=Severity.HIGH,
        cwe=(502,),
        languages=("python", "javascript", "typescript", "java", "ruby", "php", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"deserialization"})

    def confidence_for(self, origin: Origin) -> float:
        return 0.8 if origin is Origin.UNKNOWN else origin.confidence

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        sink = captures["sink"][0]
        return not any(name in ancestor_text(sink, FUNCTION_TYPES) for name in _JAVA_FILTERS)
