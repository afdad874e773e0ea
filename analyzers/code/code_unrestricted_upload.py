"""code-unrestricted-upload: an uploaded file saved without its name or type checked."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import UNTRUSTED, FlowRule


class CodeUnrestrictedUpload(FlowRule):
    """An uploaded file saved without its name or type checked.

    ## What it flags

    A file from the request's uploads (`request.files[...]` in Flask, `request.FILES[...]` in Django)
    written to storage (`file.save(...)`, `storage.save(name, file)`), or a FastAPI `UploadFile` written
    with `open(..., "wb")` or `Path.write_bytes` under the name its sender gave it, on a path where
    nothing checked it (in Java, Spring's `MultipartFile.transferTo`; in Go, Gin's `SaveUploadedFile`; in JavaScript,
    express-fileupload's `mv` and a multer `diskStorage` whose `filename` keeps the sender's name):
    no allow-list of extensions or types, no `endswith(...)` test, no helper named like `allowed_file`
    or `validate_upload`.

    ## Why it is risky

    An attacker uploads what the server will run or serve: a `.php` or `.jsp` page into a folder the web
    server executes, an `.html` or `.svg` file that runs script in the site's origin, an archive that
    unpacks over other files (unrestricted upload of a file with a dangerous type).

    ## Example

    ```diff
    +upload = request.files["avatar"]
    +upload.save(os.path.join(UPLOADS, upload.filename))
    ```

    ## How to fix

    Check the extension against an allow-list (`ALLOWED = {"png", "jpg"}`), check the content type,
    store under a name the server chooses (`secure_filename`, a UUID), outside the served folders, with
    a size limit.

    ## Tuning

    Only uploaded files are reported, at confidence 0.95 (0.9 through calls). A membership test, an
    `endswith` test, or a call to a function whose name holds `allowed` or `valid` on the way clears the
    upload; so does such a check of the name it is stored under when that name is made from the same
    upload (`name = secure_filename(f.filename)`, then its extension tested, then `f.save(... name)`). Spring's `MultipartFile.transferTo` (a `getContentType()` allow-list clears it) and Gin's
    `SaveUploadedFile` (an extension check clears it) are modelled. Test files are skipped.

    ## References

    - CWE-434: Unrestricted Upload of File with Dangerous Type
    - OWASP: File Upload Cheat Sheet
    """

    meta = RuleMeta(
        id="code-unrestricted-upload",
        family=Family.CODE,
        summary="Uploaded file saved without its name or type checked",
        severity=Severity.MEDIUM,
        cwe=(434,),
        languages=("python", "java", "go", "javascript"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"upload"})
    counted: ClassVar[frozenset[str]] = UNTRUSTED
    min_origin: ClassVar[Origin] = Origin.REQUEST
