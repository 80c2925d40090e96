package io.stratus.cli.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stratus.api.StratusJson;

/**
 * Readers of API answers that ignore fields this CLI does not know, so that an older CLI keeps
 * working against a newer control plane. Everything else is as {@link StratusJson#mapper()} reads.
 */
final class LenientJson {

  private LenientJson() {}

  static ObjectReader reader(Class<?> type) {
    return StratusJson.mapper()
        .readerFor(type)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
