<?php
function restore($blob) {
    $session = unserialize($_COOKIE['session']);
    $config = unserialize(base64_decode($blob));
    $data = unserialize($blob);
    return [$session, $config, $data];
}
