<?php
function preview($client) {
    $ch = curl_init($_GET['url']);
    curl_setopt($ch, CURLOPT_URL, $_POST['target']);
    $response = $client->get('https://' . $_GET['host'] . '/status');
    return [$ch, $response];
}
