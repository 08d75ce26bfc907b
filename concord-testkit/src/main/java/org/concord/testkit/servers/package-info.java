/** Third-party servers that tests start on loopback with throwaway directories (Dovecot). */
package org.concord.testkit.servers;
