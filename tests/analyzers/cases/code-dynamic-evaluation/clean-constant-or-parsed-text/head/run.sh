#!/bin/sh
eval "echo hello"
eval 'set -- a b'
evaluate "$1"
