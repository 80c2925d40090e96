package io.stratus.dataplane.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

  @Test
  void whatIsWrittenIsReadBackExactly() throws Exception {
    var settings = new LinkedHashMap<String, String>();
    settings.put("listeners", "CLIENT://127.0.0.1:9092,INTERNAL://127.0.0.1:9093");
    settings.put(
        "listener.name.internal.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\" password=\"b=c\";");
    settings.put("log.dirs", "C:\\data dir\\x");
    settings.put("odd key=with:colon", " leading space, #hash, !bang\nnewline\ttab é");
    settings.put("#comment-like", "!");

    String text = PropertiesText.render("header line\nsecond", settings);
    var loaded = new Properties();
    loaded.load(new StringReader(text));

    assertThat(text).startsWith("# header line\n# second\n");
    assertThat(text).contains("listeners=CLIENT://127.0.0.1:9092,INTERNAL://127.0.0.1:9093\n");
    assertThat(loaded).hasSize(settings.size());
    settings.forEach((key, value) -> assertThat(loaded.getProperty(key)).as(key).isEqualTo(value));
  }
}
