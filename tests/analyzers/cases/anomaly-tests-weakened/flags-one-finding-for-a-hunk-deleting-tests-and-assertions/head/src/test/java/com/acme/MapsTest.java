package com.acme;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MapsTest {
  @Test
  public void testStringKeys() {
    java.util.Map<String, Integer> map = Maps.create();
    assertEquals(0, map.size());
  }
}
