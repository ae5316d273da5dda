package org.fundguard.notifications.outbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a user's webhook may post: a public address, or a host the bureau allowed by name
 * ({@code fundguard.notifications.webhook-allowed-hosts}). Any user may give a webhook, so without this the server
 * would post on a user's word to addresses inside its own network (Elasticsearch on localhost, say).
 */
public class WebhookDestinations {

	private final List<String> allowedHosts;

	public WebhookDestinations(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
	}

	public boolean allowed(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			return false;
		}
		if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return true;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!isPublic(address)) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException e) {
			return false;
		}
	}

	static boolean isPublic(InetAddress a) {
		byte[] b = a.getAddress();
		boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
		boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
		return !(a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
				|| a.isMulticastAddress() || uniqueLocalV6 || sharedV4);
	}
}
