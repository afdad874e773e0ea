<?php
function download($name) {
    $data = file_get_contents('/srv/uploads/' . basename($_GET['name']));
    readfile('/srv/static/index.html');
    include __DIR__ . '/templates/header.php';
    return file_get_contents($name) . $data;
}
