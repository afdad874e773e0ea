package com.acme;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MapsTest {
  @Test
  public void testStringKeys() {
    java.util.Map<String, Integer> map = Maps.create();
    assertTrue("should use TreeBackedMap to protect against DoS", map instanceof TreeBackedMap);
    assertEquals(0, map.size());
  }

  @Test
  public void testObjectKeys() {
    java.util.Map<String, Integer> map = Maps.create();
    assertTrue(map instanceof TreeBackedMap);
  }
}
