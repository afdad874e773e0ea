package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class FooTest {
    @Test
    @Disabled("does not pass")
    void twiceDoubles() {
        assertEquals(4, new Foo().twice(2));
    }

    @Test
    void twiceOfZero() {
        assertTrue(true);
    }
}
