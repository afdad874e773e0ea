<?php
function reset_user($user, $colors) {
    $token = bin2hex(random_bytes(32));
    $color = $colors[array_rand($colors)];
    $delay = mt_rand(1, 5);
    return ['csrf' => bin2hex(random_bytes(16)), 'color' => $color, 'delay' => $delay];
}
