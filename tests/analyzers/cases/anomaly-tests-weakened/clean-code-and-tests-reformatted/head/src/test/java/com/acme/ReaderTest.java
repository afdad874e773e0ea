package com.acme;

import static com.google.common.truth.Truth.assertThat;

import org.junit.Ignore;
import org.junit.Test;

public final class ReaderTest {
  @Test
  public void testRead() {
    assertThat(new Reader().read(" {'name': 'v1', 'name1':'v11'} "))
        .isEqualTo("{'name': 'v1', 'name1':'v11'}");
  }

  @Test
  @Ignore(
      "Reader advances after an exception for an invalid number; to be decided if that is"
          + " acceptable")
  public void testOctal() {
    assertThat(new Reader().read("01")).isEqualTo("1");
  }
}
