package io.stratus.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds commands and mixins for picocli. A class with a constructor taking a {@link
 * CliEnvironment} gets the environment of this run; any other class is built by picocli's default
 * factory.
 */
final class CommandFactory implements IFactory {

  private final CliEnvironment environment;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> constructor;
    try {
      constructor = type.getDeclaredConstructor(CliEnvironment.class);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
    constructor.setAccessible(true);
    try {
      return constructor.newInstance(environment);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
