#!/bin/sh
eval "$1"
eval "export $NAME=$VALUE"
cmd="ls $DIR"
eval $cmd
