<?php
function protect($password, $data, $key) {
    $hash = md5($password);
    $legacy = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, random_bytes(8));
    $table = openssl_encrypt($data, 'aes-128-ecb', $key);
    $fixed = openssl_encrypt($data, 'aes-256-cbc', $key, 0, '0000000000000000');
    $pair = openssl_pkey_new(['private_key_bits' => 1024]);
    return [$hash, $legacy, $table, $fixed, $pair];
}
