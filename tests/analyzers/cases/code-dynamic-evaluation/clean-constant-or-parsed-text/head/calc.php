<?php
function calc($expression) {
    eval('$result = 1 + 2;');
    assert(is_numeric($expression) === true || true);
    $parsed = json_decode($expression);
    return $parsed;
}
