package com.acme;

public class Maps {
  public static java.util.Map<String, Integer> create() {
    return new TreeBackedMap<>();
  }
}
