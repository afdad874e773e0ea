<?php
ini_set('display_errors', '1');
ini_set("display_startup_errors", "On");
phpinfo();
return ['name' => 'shop', 'debug' => true];
