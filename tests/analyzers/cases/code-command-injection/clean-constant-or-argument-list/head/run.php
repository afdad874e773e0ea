<?php
function run($name) {
    shell_exec("ls -l");
    system("ping -c 1 " . escapeshellarg($_GET['host']));
    exec("uptime");
}
