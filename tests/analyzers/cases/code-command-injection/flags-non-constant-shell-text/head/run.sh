#!/bin/sh
sh -c "ls $1"
bash -c "$CMD"
target="$2"
sh -c "rm -rf /tmp/$target"
