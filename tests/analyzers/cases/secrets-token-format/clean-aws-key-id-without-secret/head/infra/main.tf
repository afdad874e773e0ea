provider "aws" {}
# key id of the read-only auditor: AKIANZYJBMZBKGRYVSEN
# commit e4a7554f0df8b1c34121ca65b9c75aecf4bc6b46
