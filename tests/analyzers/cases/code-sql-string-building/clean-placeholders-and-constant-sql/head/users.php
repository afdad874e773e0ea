<?php
function find($pdo, $conn, $name) {
    $stmt = $pdo->prepare("SELECT * FROM users WHERE name = ?");
    $stmt->execute([$name]);
    mysqli_query($conn, "SELECT count(*) FROM users");
    $pdo->query("SELECT * FROM users");
}
