<?php
function fetch($url) {
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
    $client = new GuzzleHttp\Client(['verify' => false]);
    $context = stream_context_create(['ssl' => ['verify_peer' => false, 'allow_self_signed' => true]]);
    return [$ch, $client, $context];
}
