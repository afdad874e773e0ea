<?php
function protect($password, $data, $key) {
    $etag = md5($data);
    $hash = password_hash($password, PASSWORD_DEFAULT);
    $sealed = openssl_encrypt($data, 'aes-256-gcm', $key, 0, random_bytes(12), $tag);
    $pair = openssl_pkey_new(['private_key_bits' => 4096]);
    return [$etag, $hash, $sealed, $pair];
}
