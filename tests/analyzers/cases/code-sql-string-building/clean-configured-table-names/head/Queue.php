<?php
class Queue {
    public function take($db, $id) {
        $db->query("SELECT * FROM {$this->table} WHERE id = 1");
        $db->query('DELETE FROM ' . $this->table . ' WHERE done = 1');
        $db->query("SELECT count(*) FROM " . TABLE);
    }
}
