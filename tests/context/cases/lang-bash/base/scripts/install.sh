#!/bin/sh
set -eu

install_deps() {
  pip install -r requirements.txt
}

install_deps
