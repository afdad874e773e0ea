<?php
function find($db, $conn, $name) {
    $db->query("SELECT * FROM users WHERE name = '$name'");
    mysqli_query($conn, "DELETE FROM users WHERE id = " . $_GET['id']);
    $sql = "UPDATE users SET name = '" . $name . "'";
    $db->exec($sql);
}
