package org.concord.connector.dav.xml;

import javax.xml.namespace.QName;

/** The XML names of WebDAV, CalDAV, CardDAV and the CalendarServer extensions that we read. */
public final class DavNames {
    public static final String DAV = "DAV:";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    public static final String CALSERVER = "http://calendarserver.org/ns/";

    public static final QName MULTISTATUS = dav("multistatus");
    public static final QName RESPONSE = dav("response");
    public static final QName HREF = dav("href");
    public static final QName STATUS = dav("status");
    public static final QName PROPSTAT = dav("propstat");
    public static final QName PROP = dav("prop");
    public static final QName ERROR = dav("error");
    public static final QName SYNC_TOKEN = dav("sync-token");
    public static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");
    public static final QName NUMBER_OF_MATCHES_WITHIN_LIMITS = dav("number-of-matches-within-limits");
    public static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
    public static final QName RESOURCETYPE = dav("resourcetype");
    public static final QName COLLECTION = dav("collection");
    public static final QName DISPLAYNAME = dav("displayname");
    public static final QName GETETAG = dav("getetag");
    public static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");
    public static final QName SYNC_COLLECTION = dav("sync-collection");

    public static final QName CALENDAR = new QName(CALDAV, "calendar");
    public static final QName CALENDAR_HOME_SET = new QName(CALDAV, "calendar-home-set");
    public static final QName CALENDAR_DATA = new QName(CALDAV, "calendar-data");
    public static final QName SUPPORTED_CALENDAR_COMPONENT_SET = new QName(CALDAV, "supported-calendar-component-set");
    public static final QName COMP = new QName(CALDAV, "comp");

    public static final QName ADDRESSBOOK = new QName(CARDDAV, "addressbook");
    public static final QName ADDRESSBOOK_HOME_SET = new QName(CARDDAV, "addressbook-home-set");
    public static final QName ADDRESS_DATA = new QName(CARDDAV, "address-data");

    public static final QName GETCTAG = new QName(CALSERVER, "getctag");

    private DavNames() {}

    private static QName dav(String local) {
        return new QName(DAV, local);
    }
}
