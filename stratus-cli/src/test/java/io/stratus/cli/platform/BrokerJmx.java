package io.stratus.cli.platform;

import com.sun.tools.attach.VirtualMachine;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads a broker's JMX metrics by attaching to its JVM (same user, same machine), the way {@code
 * jconsole} does, so brokers need no JMX port. Test support.
 */
final class BrokerJmx {

  private BrokerJmx() {}

  /** Every numeric attribute of the MBeans matching {@code pattern}, keyed "bean attribute". */
  static Map<String, Double> read(long pid, String pattern) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
    try {
      String address = vm.startLocalManagementAgent();
      try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
        MBeanServerConnection server = connector.getMBeanServerConnection();
        Map<String, Double> values = new HashMap<>();
        Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
        for (ObjectName name : names) {
          for (var attribute : server.getMBeanInfo(name).getAttributes()) {
            Object value = server.getAttribute(name, attribute.getName());
            if (value instanceof Number number) {
              values.put(name + " " + attribute.getName(), number.doubleValue());
            }
          }
        }
        return values;
      }
    } finally {
      vm.detach();
    }
  }
}
