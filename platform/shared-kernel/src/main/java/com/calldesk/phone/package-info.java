/**
 * Phone numbers as CallDesk stores and compares them: parsed with libphonenumber (Chinese numbers by
 * default), kept in E.164, with their kind and their region (归属地) from libphonenumber's geocoder.
 */
package com.calldesk.phone;
