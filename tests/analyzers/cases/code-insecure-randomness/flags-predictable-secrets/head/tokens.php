<?php
function reset_user($user) {
    $token = md5(uniqid());
    $user['password'] = str_shuffle('abcdefghijkl');
    return ['csrf' => mt_rand(), 'id' => $user['id']];
}
