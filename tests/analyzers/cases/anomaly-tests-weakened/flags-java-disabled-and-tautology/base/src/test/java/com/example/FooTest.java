package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FooTest {
    @Test
    void twiceDoubles() {
        assertEquals(4, new Foo().twice(2));
    }

    @Test
    void twiceOfZero() {
        assertEquals(0, new Foo().twice(0));
    }
}
