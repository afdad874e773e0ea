#!/bin/sh
sh -c "ls -l"
bash script.sh "$1"
sh -c 'echo $HOME'
