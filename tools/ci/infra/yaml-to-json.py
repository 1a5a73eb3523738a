"""Multi-document YAML (kustomize's output) on stdin -> a JSON array of the documents on stdout.

Run with Debian's /usr/bin/python3 and its python3-yaml package (check-infra.sh installs it), so
the manifest validator needs no YAML library from the npm tree."""

import json
import sys

import yaml

documents = [d for d in yaml.safe_load_all(sys.stdin) if d is not None]
json.dump(documents, sys.stdout, default=str)
