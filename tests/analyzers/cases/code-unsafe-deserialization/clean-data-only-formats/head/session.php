<?php
function restore($blob) {
    $session = unserialize($_COOKIE['session'], ['allowed_classes' => false]);
    $config = json_decode($blob, true);
    $fixed = unserialize('a:0:{}');
    return [$session, $config, $fixed];
}
