/** Third-party programs a scenario runs: Radicale, Xandikos and vdirsyncer, started on loopback in throwaway folders. */
package org.concord.bench.servers;
