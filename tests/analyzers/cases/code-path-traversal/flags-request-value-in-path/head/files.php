<?php
function download() {
    $data = file_get_contents('/srv/uploads/' . $_GET['name']);
    readfile("/srv/reports/{$_POST['report']}");
    include 'templates/' . $_GET['page'] . '.php';
    return $data;
}
