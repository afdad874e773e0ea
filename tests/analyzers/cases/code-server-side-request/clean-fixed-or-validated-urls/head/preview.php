<?php
function preview($client, $url) {
    $ch = curl_init('https://status.example.com/health');
    curl_setopt($ch, CURLOPT_URL, $url);
    $response = $client->get('https://api.example.com/items');
    return [$ch, $response];
}
