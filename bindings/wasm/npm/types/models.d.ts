// Bynder's JSON as the portal sends it (keys in Bynder's spelling). Every model is open:
// portals add custom `property_*` fields, and those arrive untouched.

/** Bynder sends booleans as `true`, `1` or `"1"`. */
export type Flag = boolean | 0 | 1 | "0" | "1";
export type Json = unknown;

export interface Media {
  id: string;
  idHash?: string;
  name?: string;
  description?: string;
  copyright?: string;
  type?: string;
  brandId?: string;
  subBrandId?: string;
  userCreated?: string;
  dateCreated?: string;
  dateModified?: string;
  datePublished?: string;
  extension?: string[];
  fileName?: string;
  fileSize?: number;
  width?: number;
  height?: number;
  orientation?: string;
  tags?: string[];
  propertyOptions?: string[];
  archive?: Flag;
  limited?: Flag;
  isPublic?: Flag;
  watermarked?: Flag;
  thumbnails?: Record<string, string>;
  transformBaseUrl?: string;
  mediaItems?: Record<string, unknown>[];
  [custom: string]: unknown;
}

export interface MediaPage {
  media?: Media[];
  total?: Record<string, number>;
  count?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Collection {
  id: string;
  userId?: string;
  user?: { id?: string; name?: string };
  name?: string;
  description?: string;
  filename?: string;
  link?: string;
  collectionCount?: number;
  views?: number;
  isPublic?: Flag;
  dateCreated?: string;
  dateModified?: string;
  cover?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Tag {
  id: string;
  tag?: string;
  mediaCount?: number;
  [key: string]: unknown;
}

export interface SubBrand {
  id: string;
  name?: string;
  description?: string;
  image?: string;
  [key: string]: unknown;
}

export interface Brand extends SubBrand {
  subBrands?: SubBrand[];
}

export interface MetapropertyOption {
  id: string;
  name?: string;
  label?: string;
  displayLabel?: string;
  labels?: Record<string, string>;
  description?: string;
  active?: Flag;
  zindex?: number;
  externalReference?: string;
  [key: string]: unknown;
}

export interface Metaproperty {
  id: string;
  name?: string;
  label?: string;
  labels?: Record<string, string>;
  type?: string;
  zindex?: number;
  isMultiselect?: Flag;
  isRequired?: Flag;
  isFilterable?: Flag;
  isEditable?: Flag;
  options?: MetapropertyOption[];
  [key: string]: unknown;
}

export interface SmartFilter {
  id: string;
  icon?: string;
  labels?: Record<string, string>;
  zindex?: number;
  metaproperties?: string[];
  [key: string]: unknown;
}

export interface Account {
  name?: string;
  availableLanguages?: string[];
  defaultLanguage?: string;
  timeZone?: string;
  isOpenImageBank?: Flag;
  [key: string]: unknown;
}

export interface User {
  id: string;
  username?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  profileId?: string;
  active?: Flag;
  language?: string;
  timeZone?: string;
  [key: string]: unknown;
}

export interface Profile {
  id: string;
  name?: string;
  roles?: string[];
  [key: string]: unknown;
}

export interface DownloadLocation {
  s3_file: string;
  disclaimer?: string;
  [key: string]: unknown;
}
