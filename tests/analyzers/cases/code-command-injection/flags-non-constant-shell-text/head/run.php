<?php
function run($name) {
    shell_exec("ls " . $name);
    system("ping -c 1 " . $_GET['host']);
    $out = `cat $name`;
    return $out;
}
