/** The demo workspace: three folder systems, sample data in one of them, and a config that syncs them. */
package org.concord.app.demo;
