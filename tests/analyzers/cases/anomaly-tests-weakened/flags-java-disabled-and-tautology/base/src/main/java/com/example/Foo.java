package com.example;

public class Foo {
    public int twice(int x) {
        return x * 2;
    }
}
