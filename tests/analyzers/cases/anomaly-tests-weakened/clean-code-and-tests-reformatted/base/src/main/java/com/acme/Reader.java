package com.acme;

public class Reader {
  public String read(String json) { return json.trim(); }
}
