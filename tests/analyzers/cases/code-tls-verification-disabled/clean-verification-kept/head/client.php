<?php
function fetch($url) {
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    $client = new GuzzleHttp\Client(['verify' => true, 'debug' => false]);
    return [$ch, $client];
}
