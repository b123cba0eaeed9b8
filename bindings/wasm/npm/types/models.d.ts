// The response models: generated from the Rust models in crates/bynder/src/models/ by
// crates/bynder/tests/model_faces.rs; do not edit. Bynder's JSON as the portal sends it
// (keys in Bynder's spelling); models that keep unknown fields are open, since portals add
// custom `property_*` fields.

/** Bynder sends booleans as `true`, `1` or `"1"`. */
export type Flag = boolean | 0 | 1 | "0" | "1";
/** Any JSON value (answers whose shape varies). */
export type Json = unknown;

/** The portal account. */
export interface Account {
  /** Account name. */
  name?: string;
  /** Locales the portal offers (`nl_NL`, `en_GB`, ...). */
  availableLanguages?: string[];
  /** Default locale. */
  defaultLanguage?: string;
  /** Time zone (`Europe/Amsterdam`). */
  timeZone?: string;
  /** Whether the portal is an open image bank. */
  isOpenImageBank?: Flag;
  [key: string]: unknown;
}

/** A derivative (thumbnail size) configured for the portal; also the shape of `/api/1` derivative presets, which add an `id` and send the flags as 0/1. */
export interface Derivative {
  /** Preset id (`/api/1/derivative-presets` only). */
  id?: string;
  /** Prefix, also the key of the derivative in asset `thumbnails` (`500x500`). */
  prefix?: string;
  /** Width in pixels. */
  width?: number;
  /** Height in pixels. */
  height?: number;
  /** Resolution; `-1` when not set. */
  dpi?: number;
  /** Publicly reachable. */
  isPublic?: Flag;
  /** Cropped to the exact size. */
  isCrop?: Flag;
  /** Generated on request. */
  isOnTheFly?: Flag;
  /** Padded to the exact size. */
  isExtent?: Flag;
  /** Asset types it applies to, as sent. */
  allowedTypes?: string;
  [key: string]: unknown;
}

/** One analytics event (items of `analytics.asset_views`, `user_logins`...). */
export interface AnalyticsEvent {
  /** Event id (v2 events). */
  eventId?: string;
  /** Event id (v1 events). */
  id?: string;
  /** Kind, e.g. `AssetViewed` or `asset.view`. */
  eventType?: string;
  /** When it happened. */
  dateTime?: string;
  /** User id. */
  userId?: string;
  /** Asset id. */
  assetId?: string;
  /** Asset type (v1). */
  assetType?: string;
  /** Asset name (v1). */
  assetName?: string;
  /** Audit state (v1). */
  assetAudit?: string;
  /** File name (v1). */
  fileName?: string;
  /** Downloaded media item (v1 downloads). */
  mediaItemId?: string;
  /** Downloaded item kind (v1 downloads). */
  mediaItemType?: string;
  /** Reasons given for a download. */
  downloadReasons?: string[];
  /** Search terms. */
  terms?: string[];
  /** Search filters, as sent. */
  filters?: unknown[];
  /** Search operator (`OR`, `AND`). */
  operator?: string;
  /** Search sort order (`field`, `order`). */
  sortOrder?: unknown;
  /** Search result counts by kind. */
  results?: unknown;
  /** Searched keyword (keyword searches). */
  keyword?: string;
  /** Result count `totalResults` (keyword searches). */
  totalResults?: number;
  /** Result count `tagsResults` (keyword searches). */
  tagsResults?: number;
  /** Result count `assetsResults` (keyword searches). */
  assetsResults?: number;
  /** Result count `documentsResults` (keyword searches). */
  documentsResults?: number;
  /** Result count `guidelinesResults` (keyword searches). */
  guidelinesResults?: number;
  /** Result count `collectionsResults` (keyword searches). */
  collectionsResults?: number;
  /** Result count `metapropertiesResults` (keyword searches). */
  metapropertiesResults?: number;
  /** Result count `collectionAssetsResults` (keyword searches). */
  collectionAssetsResults?: number;
  /** Result count `workflowCampaignsResults` (keyword searches). */
  workflowCampaignsResults?: number;
  /** Result count `brandstoreProductsResults` (keyword searches). */
  brandstoreProductsResults?: number;
  /** Collection id (collection views). */
  collectionId?: string;
  /** Whether the viewer owns the collection. */
  isOwner?: Flag;
  /** `internal` or `embed`. */
  viewOrigin?: string;
  /** Viewer IP address. */
  ipAddress?: string;
  /** Viewer user agent. */
  userAgent?: string;
  /** Whether Bynder support viewed it. */
  isBynderSupport?: Flag;
  [key: string]: unknown;
}

/** One asset with its metadata (`analytics.asset_report`, items of `asset_reports`). */
export interface AssetReport {
  /** Asset id. */
  assetId?: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Asset type. */
  type?: string;
  /** Audit state. */
  audit?: string;
  /** Copyright text. */
  copyright?: string;
  /** Id hash. */
  idHash?: string;
  /** Perceptual hash. */
  phash?: string;
  /** Archived. */
  isArchived?: Flag;
  /** Limited usage. */
  isLimited?: Flag;
  /** Removed. */
  isRemoved?: Flag;
  /** Watermarked. */
  isWatermarked?: Flag;
  /** Public. */
  isPublic?: Flag;
  /** Publication date. */
  datePublished?: string;
  /** Creation date. */
  dateCreated?: string;
  /** Last modification date. */
  dateModified?: string;
  /** Creator id. */
  userCreated?: string;
  /** Last modifier id. */
  userModified?: string;
  /** Metaproperty values by metaproperty name (comma-separated option names). */
  metaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The answer of a write that sends no body: deletes (HTTP 204), Files Service chunks and finalise (201), webhook updates (200). It decodes from `null`; should a portal send an object anyway, its fields are kept in `extra` rather than failing a write that succeeded. */
export type NoContent = null;

/** A plain-text answer: the S3 upload endpoint (`upload.s3_endpoint`, a JSON string holding a URL) and the analytics CSV exports (`text/csv`, header line first). */
export type PlainText = string;

/** A list of ids, as sent: the asset ids of a collection (`collections.media_list`, ColdFusion form) or the product layer's metaproperty ids (`pim.metaproperties`, RFC 4122 form). */
export type IdList = string[];

/** An answer that names one object by its id: a created webhook configuration (RFC 4122 form) or a created or modified workflow campaign (32 hex digits, no dashes). */
export interface IdRef {
  /** The id, as returned. */
  id?: string;
  [key: string]: unknown;
}

/** The streaming links of a video (`streaming.public_links`). */
export interface StreamingLinks {
  /** HLS manifest URL. */
  hls?: string;
  /** DASH manifest URL. */
  dash?: string;
  /** HTML of the player. */
  embedCode?: string;
  [key: string]: unknown;
}

/** A text document (`documents.get`), in JSON:API form. */
export interface Document {
  /** The resource. */
  data?: DocumentData;
  [key: string]: unknown;
}

/** The resource of a document answer. */
export interface DocumentData {
  /** Document id (RFC 4122 form). */
  id?: string;
  /** Resource type (`document`). */
  type?: string;
  /** The content. */
  attributes?: DocumentAttributes;
  [key: string]: unknown;
}

/** The content of a document. */
export interface DocumentAttributes {
  /** ProseMirror document, as a JSON string. */
  document?: string;
  /** The document as HTML. */
  html?: string;
  /** Group (e.g. `brand_guidelines`). */
  documentGroupId?: string;
  [key: string]: unknown;
}

/** The answer of `similar_assets.search`: the similar assets, best first. */
export interface SimilarAssets {
  /** The hits. */
  assets?: SimilarAsset[];
  [key: string]: unknown;
}

/** One hit of a similarity search. */
export interface SimilarAsset {
  /** Asset id (lower-case RFC 4122 form). */
  assetId?: string;
  /** Similarity in (0, 1], higher is closer. */
  similarityScore?: number;
  [key: string]: unknown;
}

/** A rule (`automation_rules.get`, `.update`, `.create`; items of `AutomationRulePage`). */
export interface AutomationRule {
  /** Id, as returned (RFC 4122). */
  id: string;
  /** Name. */
  name?: string;
  /** `PUBLISHED` or `PAUSED`. */
  status?: string;
  /** Account id. */
  account_id?: string;
  /** Id of the user who created it. */
  created_by_id?: string;
  /** Id of the user who last edited it. */
  edited_by_id?: string;
  /** Creation date. */
  date_created?: string;
  /** Last modification date. */
  date_modified?: string;
  /** Removal date. */
  date_removed?: string;
  /** Trigger names, e.g. `AssetUploaded`. */
  triggers?: string[];
  /** The steps: conditions and actions. */
  steps?: AutomationStep[];
  [key: string]: unknown;
}

/** A step of an `AutomationRule`. */
export interface AutomationStep {
  /** Triggers of this step. */
  step_triggers?: string[];
  /** Conditions; each entry holds conditions that must all hold (`and`). */
  conditions?: AutomationConditionGroup[];
  /** Actions. */
  actions?: AutomationAction[];
  [key: string]: unknown;
}

/** Conditions that must all hold. */
export interface AutomationConditionGroup {
  /** The conditions. */
  and?: AutomationCondition[];
  [key: string]: unknown;
}

/** One condition of a step. */
export interface AutomationCondition {
  /** Condition name, e.g. `AssetType`. */
  condition_type?: string;
  /** Operator and terms. */
  expression?: AutomationExpression;
  [key: string]: unknown;
}

/** The operator and terms of an `AutomationCondition`. */
export interface AutomationExpression {
  /** Operator, e.g. `CONTAINS`. */
  operator?: string;
  /** Terms. */
  term?: AutomationTerm[];
  [key: string]: unknown;
}

/** A term: a relative date, an asset type or a metaproperty option, by which fields are set. */
export interface AutomationTerm {
  /** Relative date amount. */
  offset_amount?: number;
  /** Relative date unit. */
  offset_unit?: string;
  /** Asset type, e.g. `IMAGE`. */
  asset_type?: string;
  /** Metaproperty id. */
  metaproperty_id?: string;
  /** Metaproperty option id. */
  metaproperty_option_id?: string;
  [key: string]: unknown;
}

/** An action of a step: `action_type` and its `data` (`collection_id`, `agent_id`...). */
export interface AutomationAction {
  /** Action, e.g. `ADD_TO_COLLECTION`. */
  action_type?: string;
  /** Its data; the members depend on the action. */
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One page of rules (`automation_rules.list`). */
export interface AutomationRulePage {
  /** The rules, newest first. Kept when empty: an empty page answers `"rules": []`. */
  rules: AutomationRule[];
  /** Links to the neighbouring pages. */
  metadata?: AutomationPageLinks;
  [key: string]: unknown;
}

/** The `metadata` of an `AutomationRulePage`. */
export interface AutomationPageLinks {
  /** The previous page. */
  previous_page?: string;
  /** The next page. */
  next_page?: string;
  [key: string]: unknown;
}

/** The triggers a rule may use (`automation_rules.triggers`). */
export interface AutomationTriggers {
  /** The triggers. */
  triggers: AutomationTrigger[];
  [key: string]: unknown;
}

/** A trigger a rule may use. */
export interface AutomationTrigger {
  /** Name, e.g. `AssetUploaded`. */
  name?: string;
  [key: string]: unknown;
}

/** The conditions a rule may use (`automation_rules.conditions`). */
export interface AutomationConditions {
  /** The conditions. */
  conditions: AutomationConditionInfo[];
  /** How many conditions a step may have. */
  max_conditions_count?: number;
  [key: string]: unknown;
}

/** A condition a rule may use, with its operators and terms. */
export interface AutomationConditionInfo {
  /** Name, e.g. `AssetType`. */
  name?: string;
  /** Order of evaluation. */
  weight?: number;
  /** Operators, e.g. `CONTAINS`. */
  operators?: string[];
  /** The terms it takes. */
  terms?: AutomationTerm[];
  [key: string]: unknown;
}

/** The actions the caller may use (`automation_rules.actions`). */
export interface AutomationActions {
  /** The actions. */
  actions: AutomationActionInfo[];
  /** How many actions a step may have. */
  max_actions_limit?: number;
  [key: string]: unknown;
}

/** An action a rule may use. */
export interface AutomationActionInfo {
  /** Action, e.g. `ADD_TO_COLLECTION`. */
  action_type?: string;
  [key: string]: unknown;
}

/** A brand. */
export interface Brand {
  /** ColdFusion id, as returned. */
  id: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Logo URL. */
  image?: string;
  /** Sub-brands. */
  subBrands?: SubBrand[];
  [key: string]: unknown;
}

/** A sub-brand of a `Brand`. */
export interface SubBrand {
  /** ColdFusion id, as returned. */
  id: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Logo URL. */
  image?: string;
  [key: string]: unknown;
}

/** An order as the list answers it (items of `orders.list`). */
export interface OrderSummary {
  /** Id, as returned (RFC 4122). */
  id: string;
  /** Order reference, e.g. `NA13334`. */
  order_ref?: string;
  /** Net price. */
  net_price?: number;
  /** Creation date. */
  date_created?: string;
  /** Who ordered. */
  username?: string;
  /** Account name. */
  account_name?: string;
  /** Status label, e.g. `In production`. */
  order_status?: string;
  /** Currency symbol as a character code (`8364` is €). */
  currency_symbol?: string;
  [key: string]: unknown;
}

/** One order (`orders.get`). */
export interface Order {
  /** Id, as returned. */
  id: string;
  /** Creation date. */
  dateCreated?: string;
  /** Status code, e.g. `IN_PRODUCTION`. */
  status?: string;
  /** Order reference. */
  orderReference?: string;
  [key: string]: unknown;
}

/** An orderline: `orderlines.get` answers its status and references, the items of `orders.products` its product, quantity and price. */
export interface Orderline {
  /** Id, as returned. */
  id: string;
  /** Id of its order. */
  orderId?: string;
  /** Approval status, e.g. `approved`. */
  status?: string;
  /** The customer's reference. */
  customerReference?: string;
  /** The product ordered. */
  product?: StoreProduct;
  /** Product number. */
  referenceId?: string;
  /** Product name. */
  name?: string;
  /** Price of one item. */
  itemPrice?: number;
  /** Quantity. */
  quantity?: number;
  [key: string]: unknown;
}

/** A Brandstore product as an `Orderline` carries it. */
export interface StoreProduct {
  /** Id, as returned. */
  id: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Featured. */
  isFeatured?: Flag;
  /** Product number. */
  product_number?: string;
  /** Height. */
  size_height?: number;
  /** Width. */
  size_width?: number;
  /** Depth. */
  size_depth?: number;
  /** Weight. */
  weight?: number;
  /** Smallest quantity that may be ordered. */
  min_quantity?: number;
  /** Largest quantity that may be ordered. */
  max_quantity?: number;
  /** Quantity proposed. */
  default_quantity?: number;
  /** Creation date. */
  datecreated?: string;
  /** Active. */
  isActive?: Flag;
  /** Type, e.g. `print`. */
  product_type?: string;
  /** Packaging, e.g. `unit`. */
  product_package?: string;
  /** Stock keeping unit. */
  sku?: string;
  /** Quantity step. */
  step?: number;
  /** Length unit of the sizes, e.g. `cm`. */
  display_length_unit?: string;
  /** Free of charge. */
  isFree?: Flag;
  /** Shipped. */
  isShipping?: Flag;
  [key: string]: unknown;
}

/** A collection of assets. */
export interface Collection {
  /** ColdFusion id, as returned. */
  id: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Id of the owner. */
  userId?: string;
  /** The owner. */
  user?: CollectionUser;
  /** URL-friendly name. */
  filename?: string;
  /** Link to the collection. */
  link?: string;
  /** Number of assets in the collection. */
  collectionCount?: number;
  /** Number of views. */
  views?: number;
  /** Public; Bynder spells it `isPublic` or `IsPublic`. */
  isPublic?: Flag;
  /** Public; Bynder spells it `isPublic` or `IsPublic`. */
  IsPublic?: Flag;
  /** Creation date (ColdFusion style, `March, 01 2017 10:49:12 +0000`). */
  dateCreated?: string;
  /** Last modification date. */
  dateModified?: string;
  /** Cover images. */
  cover?: CollectionCover;
  /** Thumbnail URL. */
  thumbnail?: string;
  [key: string]: unknown;
}

/** The owner of a `Collection`. */
export interface CollectionUser {
  /** User id. */
  id: string;
  /** Display name. */
  name?: string;
  [key: string]: unknown;
}

/** The cover images of a `Collection`. */
export interface CollectionCover {
  /** Small cover URL. */
  thumbnail?: string;
  /** URLs of the cover mosaic. */
  thumbnails?: string[];
  /** Large cover URL. */
  large?: string;
  [key: string]: unknown;
}

/** One access rule (items of `content_access.get_metaproperty` and `get_option`). */
export interface ContentAccessRule {
  /** Rule id (RFC 4122 form). */
  id?: string;
  /** Id of the metaproperty or option. */
  contentId?: string;
  /** `metaproperty` or `option`. */
  contentType?: string;
  /** Access level, e.g. `metaproperty.hide`. */
  level?: string;
  /** Rule type, e.g. `allow`. */
  ruleType?: string;
  /** Id of the user, group or profile. */
  principalId?: string;
  /** `user`, `group` or `profile`. */
  principalType?: string;
  /** Name of the principal. */
  principalName?: string;
  /** More about the principal (a user's `email`). */
  principalExtraInformation?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The default visibility of an option (`content_access.get_option_visibility`). */
export interface OptionVisibility {
  /** `visible` or `hidden`. */
  defaultVisibility?: string;
  [key: string]: unknown;
}

/** A user, group or profile an access rule applies to: the answer items of `content_access.add_metaproperty` and `set_option`, as the rules were stored. */
export interface AccessPrincipal {
  /** Id of the user, group or profile (RFC 4122 form). */
  principalId?: string;
  /** `user`, `group` or `profile`. */
  principalType?: string;
  [key: string]: unknown;
}

/** The dependencies of one option: the option ids of each dependency group, keyed by group id, plus those in no group under `ungrouped`. */
export type DependencyGroups = Record<string, IdList>;

/** The dependencies of a metaproperty's options, keyed by option id (`dependencies.list`; the values of `dependencies.list_all`, which is keyed by metaproperty id). */
export type MetapropertyDependencies = Record<string, DependencyGroups>;

/** What one option depends on (`dependencies.get`): the option ids of its ungrouped dependencies, or with `includeGroupedResults` its groups as well. */
export type OptionDependencies = IdList | DependencyGroups;

/** Where to download a file: a temporary signed URL on the storage host (never send the Bynder token there). */
export interface DownloadLocation {
  /** The temporary signed URL. */
  s3_file?: string;
  /** The portal's download disclaimer (HTML). */
  disclaimer?: string;
  [key: string]: unknown;
}

/** An asset. */
export interface Media {
  /** ColdFusion id, as returned. */
  id: string;
  /** Short hex hash of the id (`4bd9969d0037c178`). */
  idHash?: string;
  /** Asset name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Copyright notice. */
  copyright?: string;
  /** `image`, `document`, `video`, `audio` or `3d`. */
  type?: string;
  /** Brand id. */
  brandId?: string;
  /** Sub-brand id. */
  subBrandId?: string;
  /** Name of the user who created the asset. */
  userCreated?: string;
  /** Creation date (ISO 8601). */
  dateCreated?: string;
  /** Last modification date. */
  dateModified?: string;
  /** Publication date. */
  datePublished?: string;
  /** File extensions, e.g. `["jpg"]`. */
  extension?: string[];
  /** Original file name. */
  fileName?: string;
  /** Size of the original in bytes. */
  fileSize?: number;
  /** Width in pixels; `None` for files without one. */
  width?: number;
  /** Height in pixels; `None` for files without one. */
  height?: number;
  /** `landscape`, `portrait` or `square`. */
  orientation?: string;
  /** Tags. */
  tags?: string[];
  /** Ids of the metaproperty options set on the asset. */
  propertyOptions?: string[];
  /** Archived. */
  archive?: Flag;
  /** Limited usage. */
  limited?: Flag;
  /** Public (irreversible once set). */
  isPublic?: Flag;
  /** Watermarked. */
  watermarked?: Flag;
  /** Thumbnail URLs by name: `mini`, `thul`, `webimage` and one per derivative prefix. */
  thumbnails?: Record<string, string>;
  /** Base URL for Dynamic Asset Transformations. */
  transformBaseUrl?: string;
  /** Video preview URLs. */
  videoPreviewURLs?: string[];
  /** Public URL of the original (public assets on portals with `seoBaseUrl`). */
  original?: string;
  /** Files of the asset (with `includeMediaItems=1` or `versions=1`). */
  mediaItems?: MediaItem[];
  /** Focus point of the active original. */
  activeOriginalFocusPoint?: FocusPoint;
  /** View count (with `stats=1`). */
  views?: number;
  /** Download count (with `stats=1`). */
  downloads?: number;
  /** Active version number (with `includeVersionNumber=1`). */
  activeVersion?: number;
  /** Assets related through metaproperties. */
  relatedAssets?: RelatedAssets[];
  [key: string]: unknown;
}

/** One file of an asset: the original, an additional file or an older version. */
export interface MediaItem {
  /** Item id. */
  id: string;
  /** File name. */
  fileName?: string;
  /** Name (the list endpoint's spelling of the file name). */
  name?: string;
  /** `original`, `additional`, ... */
  type?: string;
  /** Creation date. */
  dateCreated?: string;
  /** Size in bytes. */
  size?: number;
  /** Width in pixels; `None` for generated items such as the PDF of a presentation. */
  width?: number;
  /** Height in pixels; `None` for generated items. */
  height?: number;
  /** Version number. */
  version?: number;
  /** Whether this is the active version. */
  active?: Flag;
  /** Thumbnail URLs by name. */
  thumbnails?: Record<string, unknown>;
  /** Public URL. */
  publicUrl?: string;
  /** Focus point. */
  focusPoint?: FocusPoint;
  /** Id of an additional file. */
  additionalId?: string;
  [key: string]: unknown;
}

/** A focus point, `{x, y}`. */
export interface FocusPoint {
  /** Horizontal coordinate. */
  x?: number;
  /** Vertical coordinate. */
  y?: number;
  [key: string]: unknown;
}

/** Assets related to an asset through one metaproperty. */
export interface RelatedAssets {
  /** The metaproperty's id. */
  metaPropertyId?: string;
  /** The metaproperty's name. */
  metaPropertyName?: string;
  /** Ids of the related assets. */
  assets?: string[];
  [key: string]: unknown;
}

/** The `count` object of a `count=1` media list: the total and one facet per field (counts of assets per brand, tag, type, metaproperty option...; Bynder does not document the keys). */
export interface MediaCounts {
  /** Number of assets matching the query, over all pages. */
  total?: number;
  [key: string]: unknown;
}

/** One page of assets with the totals the portal sent along. */
export interface MediaPage {
  media?: Media[];
  total?: Record<string, number>;
  count?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A metaproperty (a custom metadata field of the portal). */
export interface Metaproperty {
  /** ColdFusion id, as returned. */
  id: string;
  /** Name (the key of `property_<name>` asset fields and filters). */
  name?: string;
  /** Label in the default language. */
  label?: string;
  /** Labels by locale (`nl_NL` → text). */
  labels?: Record<string, string>;
  /** Kind: `select`, `select2`, `autocomplete`, `date`, `text`, `longtext`, or a UI type such as `sidebar` or `button`. */
  type?: string;
  /** Sort position. */
  zindex?: number;
  /** Several options may be chosen; Bynder also spells it `isMultiSelect`. */
  isMultiselect?: Flag;
  /** Several options may be chosen; Bynder also spells it `isMultiSelect`. */
  isMultiSelect?: Flag;
  /** Several options may be filtered on at once. */
  isMultifilter?: Flag;
  /** A value is required. */
  isRequired?: Flag;
  /** Shown as a main filter. */
  isMainfilter?: Flag;
  /** Usable as a filter. */
  isFilterable?: Flag;
  /** Exposed through the API. */
  isApiField?: Flag;
  /** Shown on the asset detail page. */
  isDisplayField?: Flag;
  /** Options form a drill-down hierarchy. */
  isDrilldown?: Flag;
  /** Values may be edited. */
  isEditable?: Flag;
  /** Shown in list view. */
  showInListView?: Flag;
  /** Shown in grid view. */
  showInGridView?: Flag;
  /** Shown in duplicate view. */
  showInDuplicateView?: Flag;
  /** Option dependencies apply. */
  useDependencies?: Flag;
  /** The options (absent with `options=0`). */
  options?: MetapropertyOption[];
  [key: string]: unknown;
}

/** An option of a `Metaproperty`; options can nest. */
export interface MetapropertyOption {
  /** ColdFusion id, as returned. */
  id: string;
  /** Name (cannot be changed after creation). */
  name?: string;
  /** Label in the default language. */
  label?: string;
  /** Label as displayed. */
  displayLabel?: string;
  /** Labels by locale. */
  labels?: Record<string, string>;
  /** Description. */
  description?: string;
  /** Descriptions by locale. */
  descriptions?: Record<string, unknown>;
  /** Creation date (ColdFusion style inside metaproperties, ISO 8601 from the options endpoints). */
  date?: string;
  /** Active; sent as `true` or `1`. */
  active?: Flag;
  /** May be selected. */
  isSelectable?: Flag;
  /** Sort position. */
  zindex?: number;
  /** Ids of linked options. */
  linkedOptionIds?: string[];
  /** Hidden unless a dependency shows it. */
  hideByDefault?: Flag;
  /** Image URL. */
  image?: string;
  /** Product suffix. */
  product_suffix?: string;
  /** Size of the pre-generated ZIP of the option's assets, in bytes. */
  pregeneratedZipFileSize?: number;
  /** Reference in an external system. */
  externalReference?: string;
  /** Parent option id. */
  parentId?: string;
  /** Number of assets with this option (with `count=1`). */
  mediaCount?: number;
  /** Child options. */
  options?: MetapropertyOption[];
  [key: string]: unknown;
}

/** The scope catalogue: scopes in named groups. */
export interface ScopeGroups {
  /** The groups. */
  groups: ScopeGroup[];
  [key: string]: unknown;
}

/** A named group of scopes. */
export interface ScopeGroup {
  /** Group name. */
  name?: string;
  /** The scopes. */
  scopes: ScopeInfo[];
  [key: string]: unknown;
}

/** One OAuth2 scope and the permissions that let a user be granted it. */
export interface ScopeInfo {
  /** Scope name (`asset:read`). */
  name?: string;
  /** Description. */
  description?: string;
  /** Any one of these permissions suffices. */
  anyOfPermissions: string[];
  [key: string]: unknown;
}

/** The answer of `quarantine.list`: a count and the assets. */
export interface QuarantinePage {
  /** Number of quarantined assets. */
  totalCount?: number;
  /** The quarantined assets. */
  assets?: QuarantinedAsset[];
  [key: string]: unknown;
}

/** A quarantined asset (`quarantine.get`, items of `quarantine.list`). Review fields are `null` until reviewed; a `null` decodes as absent. */
export interface QuarantinedAsset {
  /** Quarantine id (RFC 4122 form). */
  id?: string;
  /** Account id. */
  accountId?: string;
  /** Asset id. */
  assetId?: string;
  /** Asset (file) name. */
  assetName?: string;
  /** Id of the user who uploaded it. */
  requesterId?: string;
  /** Scan result: `INFECTED`, `SKIPPED`... */
  scanStatus?: string;
  /** Why the scan failed, when it did. */
  scanFailureReason?: string;
  /** When it was quarantined. */
  dateAdded?: string;
  /** Last change. */
  dateModified?: string;
  /** Upload kind, e.g. `LEGACY`. */
  uploadEventType?: string;
  /** MIME type as detected (`None` when unknown). */
  fileType?: string;
  /** Size in bytes. */
  fileSize?: number;
  /** Whether it was judged safe. */
  isSafe?: Flag;
  /** `APPROVED` or `DENIED` once reviewed. */
  reviewStatus?: string | null;
  /** Id of the reviewer once reviewed. */
  reviewedById?: string | null;
  /** Whether the asset was removed. */
  isRemoved?: Flag;
  [key: string]: unknown;
}

/** `quarantine.review_many`: how many quarantined assets the review changed. */
export interface QuarantineReviewed {
  /** Number of assets reviewed. */
  updated?: number;
  [key: string]: unknown;
}

/** A smart filter: a named group of metaproperties shown as one filter. */
export interface SmartFilter {
  /** ColdFusion id, as returned. */
  id: string;
  /** Icon CSS class (`fa fa-group`). */
  icon?: string;
  /** Labels by locale. */
  labels?: Record<string, string>;
  /** Sort position. */
  zindex?: number;
  /** Ids of the metaproperties in the filter. */
  metaproperties?: string[];
  [key: string]: unknown;
}

/** Bynder's status envelope: `{"message": "Accepted", "statuscode": 202}`, plus `id` when something was created. The status code may arrive as a string (`"404"`); Brandstore spells it `status_code`. */
export interface Status {
  /** Message (`Accepted`, `Created`, `Media not found`...). */
  message?: string;
  /** HTTP status code as reported in the body. */
  statuscode?: number | string;
  /** HTTP status code as reported in the body. */
  status_code?: number | string;
  /** Id of the created object, when something was created. */
  id?: string;
  [key: string]: unknown;
}

/** A tag and how many assets carry it. */
export interface Tag {
  /** Id, as returned. */
  id: string;
  /** The tag text. */
  tag?: string;
  /** Number of assets with this tag. */
  mediaCount?: number;
  [key: string]: unknown;
}

/** A page of `taxonomy.options`: the options and the cursor to the next page. */
export interface TaxonomyOptionPage {
  /** The options. */
  options?: TaxonomyOption[];
  /** Paging: `nextPage` (the `start` of the next call) and `previousPage`. */
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An option as the taxonomy lists it. */
export interface TaxonomyOption {
  /** Option id (RFC 4122 form). */
  id?: string;
  /** Name. */
  name?: string;
  /** External reference. */
  externalReference?: string;
  /** Icon URL. */
  icon?: string;
  /** Metaproperty id. */
  metapropertyId?: string;
  [key: string]: unknown;
}

/** A product metaproperty with its options (`pim.metaproperty`). */
export interface PimMetaproperty {
  /** Id (RFC 4122 form). */
  id?: string;
  /** Name. */
  name?: string;
  /** Label. */
  label?: string;
  /** Description. */
  description?: string;
  /** Its options, with their relations. */
  mp_options?: PimOption[];
  [key: string]: unknown;
}

/** A product option (`mp_options` of `pim.metaproperty`, items of `pim.options`), with the options it relates to or its children. */
export interface PimOption {
  /** Id (RFC 4122 form). */
  id?: string;
  /** Name. */
  name?: string;
  /** Label. */
  label?: string;
  /** Description. */
  description?: string;
  /** Metaproperty id. */
  metapropertyid?: string;
  /** Related options (`pim.metaproperty`). */
  relations?: PimOption[];
  /** Child options (`pim.options`). */
  product_options?: PimOption[];
  [key: string]: unknown;
}

/** An asset removed in the last 30 days (items of `media.recently_removed`). */
export interface RemovedMedia {
  /** Asset id, as returned. */
  id?: string;
  /** Asset name. */
  name?: string;
  /** When it was removed. */
  dateRemoved?: string;
  /** When it was created. */
  dateCreated?: string;
  /** Username of the user who removed it. */
  username?: string;
  /** Id of the user who removed it. */
  userId?: string;
  /** Storage key of the original file. */
  S3_filepointer?: string;
  [key: string]: unknown;
}

/** `upload.prepare`: the Files Service upload just opened. */
export interface UploadPrepared {
  /** Id of the upload (RFC 4122 form): the path id of its chunks and finalise, then the import id of the save calls and the `fileId` of `jobs.upload`. */
  file_id?: string;
  [key: string]: unknown;
}

/** `upload.s3_init`: the ids of an S3-flow upload and the signed policy its parts are posted with. */
export interface S3Init {
  /** The upload id and target id the register and finalise calls send back. */
  s3file?: S3File;
  /** Key of the uploaded file in the bucket; part `n` goes to `<s3_filename>/p<n>`. */
  s3_filename?: string;
  /** The same key, as the target of the upload. */
  target_key?: string;
  /** The form fields of every part's POST to S3. */
  multipart_params?: S3Policy;
  [key: string]: unknown;
}

/** The ids of an S3-flow upload (`s3file` of `S3Init`). */
export interface S3File {
  /** Upload id (opaque): the path id of `upload.s3_register`. */
  uploadid?: string;
  /** Where the finished file goes (`final/<uuid>/<name>`): the `targetid` of register calls. */
  targetid?: string;
  [key: string]: unknown;
}

/** The signed S3 POST policy (`multipart_params` of `S3Init`). Each part is posted as `multipart/form-data` with these fields in this order (`key` pointing at the part), the file last. Fields named in Bynder's spelling, as S3 expects them back. */
export interface S3Policy {
  /** Canned ACL, `private`. */
  acl?: string;
  /** Status S3 answers on success, `"201"`. */
  success_action_status?: string;
  /** Content type the policy allows, e.g. `image/*`. */
  "Content-Type"?: string;
  /** Object key of the upload. */
  key?: string;
  /** The base64 policy document. */
  Policy?: string;
  /** Signature of the policy. */
  "X-Amz-Signature"?: string;
  /** Credential scope of the signature. */
  "x-amz-credential"?: string;
  /** Signing algorithm, `AWS4-HMAC-SHA256`. */
  "x-amz-algorithm"?: string;
  /** Signing time, e.g. `20160216T100755Z`. */
  "x-amz-date"?: string;
  [key: string]: unknown;
}

/** `upload.s3_register` and `upload.s3_register_form`: a registered part answers only `status: "ok"`; a finalise (with `chunks`) answers where the file went and its `importId`. */
export interface S3Registration {
  /** `ok` for a registered part. */
  status?: string;
  /** Folder of the finished file (`final/<uuid>/`). */
  output?: string;
  /** Batch id (ColdFusion form). */
  batchId?: string;
  /** Where the finished file is stored. */
  file?: S3Location;
  /** Key of the finished file (`final/<uuid>/<name>`). */
  filename?: string;
  /** Import id to poll (`upload.s3_poll`) and save (`upload.save`). */
  importId?: string;
  /** Storage kind, `s3`. */
  locationType?: string;
  /** `1` when the finalise succeeded (an integer, as documented). */
  success?: number;
  [key: string]: unknown;
}

/** Where a finalised S3 upload is stored (`file` of `S3Registration`). */
export interface S3Location {
  /** Bucket name. */
  bucket?: string;
  /** Key in the bucket. */
  path?: string;
  /** Storage kind, `s3`. */
  type?: string;
  [key: string]: unknown;
}

/** `upload.s3_poll`: which of the polled import ids are converted, failed or were rejected; an id in none of the lists is still converting. */
export interface PollResult {
  /** Converted: ready to save. */
  itemsDone: string[];
  /** Failed to convert. */
  itemsFailed: string[];
  /** Refused (for instance by the virus scan). */
  itemsRejected: string[];
  [key: string]: unknown;
}

/** `upload.save`, `upload.save_version` and `upload.save_additional`: the asset the upload became. A save sent while the file still converts is answered HTTP 303 with the status envelope instead ("please poll"); its `message` and `statuscode` then land in `extra`. */
export interface SaveResult {
  /** Id of the access request the save opened, when the asset needs approval (new assets). */
  accessRequestId?: string;
  /** Id of the asset (ColdFusion form). */
  mediaid?: string;
  /** Batch id (ColdFusion form). */
  batchId?: string;
  /** Whether the save succeeded. */
  success?: Flag;
  /** The files made for the asset (original and derivatives); `null` for versions and additional files, which decodes as an empty list. */
  mediaitems?: SavedItem[] | null;
  [key: string]: unknown;
}

/** One file made by a save (items of `mediaitems` of `SaveResult`). */
export interface SavedItem {
  /** Key of the stored file (`final/<id>/<name>`). */
  original?: string;
  /** URL it is served from. */
  destination?: string;
  [key: string]: unknown;
}

/** One usage of an asset (items of `usage.list`). */
export interface Usage {
  /** Usage id (RFC 4122 form). */
  id?: string;
  /** Asset id (RFC 4122 form). */
  asset_id?: string;
  /** The integration that uses the asset. */
  integration?: UsageIntegration;
  /** When the usage was recorded. */
  timestamp?: string;
  /** Where the asset is used. */
  uri?: string;
  /** Free text the integration stored with the usage. */
  additional?: string;
  [key: string]: unknown;
}

/** The integration of a usage. */
export interface UsageIntegration {
  /** Integration id. */
  id?: string;
  /** Integration name. */
  description?: string;
  [key: string]: unknown;
}

/** `usage.sync`: how the usages of one integration were replaced. */
export interface UsageSync {
  /** Usages sent that were kept or recorded. */
  accepted?: UsageSyncEntry[];
  /** The usages recorded by this sync. */
  new?: Usage[];
  /** Usages sent that were refused, with the `reason`. */
  rejected?: UsageSyncEntry[];
  /** Usages within the synced `uris` that were not sent, so were deleted. */
  removed?: UsageSyncEntry[];
  [key: string]: unknown;
}

/** One usage as `usage.sync` reports it (items of `accepted`, `rejected` and `removed`). */
export interface UsageSyncEntry {
  /** Asset id (RFC 4122 form). */
  asset_id?: string;
  /** Where the asset is used. */
  uri?: string;
  /** Free text stored with the usage (accepted usages). */
  additional?: string;
  /** Why the usage was refused (rejected usages), e.g. `Asset not found`. */
  reason?: string;
  [key: string]: unknown;
}

/** A portal user. The list, the single user, the current user and the create/modify answers (`{id, username}`) all decode into this type; each fills a different subset. */
export interface User {
  /** User id, as returned. */
  id: string;
  /** Login name. */
  username?: string;
  /** Full name (list view). */
  name?: string;
  /** First name. */
  firstname?: string;
  /** Name infix (`van`). */
  infix?: string;
  /** Last name. */
  lastname?: string;
  /** E-mail address. */
  email?: string;
  /** Second e-mail address. */
  email2?: string;
  /** Active; sent as `true` or `1`. */
  active?: Flag;
  /** Can only log in through single sign-on. */
  isSSOOnly?: Flag;
  /** Security profile id. */
  profileId?: string;
  /** Groups the user belongs to. */
  groups?: UserGroup[];
  /** Last login date. */
  lastLogin?: string;
  /** Language (locale). */
  language?: string;
  /** Time zone. */
  timeZone?: string;
  /** Employee number. */
  employeeNumber?: string;
  /** Website. */
  website?: string;
  /** Sales representative id. */
  salesrepId?: string;
  /** Phone number. */
  phoneNumber?: string;
  /** Mobile phone number. */
  cellphoneNumber?: string;
  /** Company name. */
  companyName?: string;
  /** Legal entity. */
  legalEntity?: string;
  /** Department. */
  department?: string;
  /** Department code. */
  departmentCode?: string;
  /** Job title. */
  job?: string;
  /** Cost center. */
  costCenter?: string;
  /** Street address. */
  address?: string;
  /** Postal code. */
  postalCode?: string;
  /** City. */
  city?: string;
  /** County. */
  county?: string;
  /** State or province. */
  state?: string;
  /** Country. */
  country?: string;
  /** Gender. */
  gender?: string;
  /** Terms accepted, as sent. */
  terms?: string;
  /** Whether the user is stored (Bynder internal). */
  persisted?: Flag;
  [key: string]: unknown;
}

/** A group a `User` belongs to. */
export interface UserGroup {
  /** Group id. */
  id: string;
  /** Group name. */
  name?: string;
  [key: string]: unknown;
}

/** A security profile: a named set of roles (`MEDIAEDIT`, `USERMANAGEMENT`, ...). */
export interface Profile {
  /** Profile id; a string even when the portal sends a number (`"1"`). */
  id: string;
  /** Name. */
  name?: string;
  /** Role names. */
  roles?: string[];
  [key: string]: unknown;
}

/** `users.create` and `users.modify`: the user written, by id and username. */
export interface UserRef {
  /** User id (ColdFusion form). */
  id?: string;
  /** Username (the e-mail address unless one was given). */
  username?: string;
  [key: string]: unknown;
}

/** A webhook configuration (`webhooks.get`). */
export interface Webhook {
  /** Id (RFC 4122 form). */
  id?: string;
  /** Name. */
  name?: string;
  /** URL the events are posted to. */
  endpoint?: string;
  /** Protocol, e.g. `HTTPS`. */
  protocol?: string;
  /** Event names, e.g. `asset_bank.media.create`. */
  events?: string[];
  /** Days before archiving that a notice is sent. */
  preArchivedNotificationDays?: number;
  /** 1 when switched on, 0 when off (sent as a number). */
  status?: number;
  /** Creation date. */
  createdAt?: string;
  [key: string]: unknown;
}

/** A campaign (`campaigns.get`, items of `campaigns.list`). */
export interface Campaign {
  /** Id, as returned (8-4-4-4-12). */
  ID: string;
  /** Name. */
  name?: string;
  /** Short key, e.g. `excp`. */
  key?: string;
  /** Closed campaigns take no new jobs. */
  closed?: Flag;
  /** Description. */
  description?: string;
  /** Start date. */
  dateStart?: string;
  /** Deadline (a date without a zone, `2017-03-03T00:00:00`). */
  deadline?: string;
  /** Account id. */
  accountID?: string;
  /** Preset id. */
  presetID?: string;
  /** Id of the workflow user who created it. */
  createdByID?: string;
  /** Id of the responsible workflow user. */
  responsibleID?: string;
  /** Creation date. */
  dateCreated?: string;
  /** Last modification date. */
  dateModified?: string;
  /** Thumbnail URL. */
  thumbnailURL?: string;
  /** Metaproperty values by metaproperty id. */
  campaignMetaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A job (`jobs.get`, items of `jobs.list` and `campaigns.jobs`). */
export interface Job {
  /** Id, as returned. */
  id: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Deadline. */
  deadline?: string;
  /** Id of the workflow user who created it. */
  createdByID?: string;
  /** Id of the accountable workflow user. */
  accountableID?: string;
  /** Creation date. */
  dateCreated?: string;
  /** Last modification date. */
  dateModified?: string;
  /** Whether the job follows a preset; text (`"true"`) in the definitions. */
  basedOnPreset?: string;
  /** Preset id. */
  presetID?: string;
  /** Campaign id. */
  campaignID?: string;
  /** Minutes booked on the job. */
  bookedMinutes?: number;
  /** Job key. */
  jobKey?: string;
  /** When the job was finished. */
  dateFinished?: string;
  /** Who finished (or re-finished) it and when. */
  jobFinishedHistory?: JobFinish[];
  /** Every stage of the job. */
  job_stages?: JobStageRef[];
  /** The stage before the active one. */
  job_previous_stage?: JobStageRef;
  /** The active stage. */
  job_active_stage?: JobStageRef;
  /** The stage after the active one. */
  job_next_stage?: JobStageRef;
  /** Metaproperty values by metaproperty id. */
  jobMetaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A stage as a `Job` refers to it. */
export interface JobStageRef {
  /** Stage id. */
  id: string;
  /** Position; text (`"1"`) in the definitions. */
  position?: string;
  /** Status, e.g. `Active`, `Approved`. */
  status?: string;
  [key: string]: unknown;
}

/** One finish of a `Job`. */
export interface JobFinish {
  /** Id of the user who finished the job. */
  userId?: string;
  /** When. */
  date?: string;
  [key: string]: unknown;
}

/** A stage of a job (items of `jobs.stages`). */
export interface JobStage {
  /** Id, as returned. */
  id: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Deadline. */
  deadline?: string;
  /** Creation date. */
  dateCreated?: string;
  /** Id of the workflow user who created it. */
  createdByID?: string;
  /** Status (`Active`, `Approved`, `NeedsChanges`...). */
  status?: string;
  /** Position from 1. */
  position?: number;
  /** The responsible user or group. */
  responsible?: StageResponsible;
  [key: string]: unknown;
}

/** Who is responsible for a `JobStage`. */
export interface StageResponsible {
  /** User or group id. */
  id: string;
  /** `user` or `group`. */
  type?: "user" | "group";
  [key: string]: unknown;
}

/** A file attached to a job (items of `jobs.media`), later versions under `sub_versions`. */
export interface JobMedia {
  /** Id, as returned. */
  id: string;
  /** File name. */
  filename?: string;
  /** Who uploaded it. */
  uploader_name?: string;
  /** The job's accountable user. */
  responsible_name?: string;
  /** Creation date. */
  dateCreated?: string;
  /** Last modification date. */
  dateModified?: string;
  /** `landscape`, `portrait` or `square`. */
  orientation?: string;
  /** URL of the original file. */
  original_url?: string;
  /** Review status. */
  status?: string;
  /** Id of the file this one is a version of. */
  versionParentID?: string;
  /** Version number. */
  version?: number;
  /** Preview images. */
  previews?: JobMediaPreview[];
  /** Later versions. */
  sub_versions?: JobMedia[];
  [key: string]: unknown;
}

/** A preview image of a `JobMedia`. */
export interface JobMediaPreview {
  /** `thumbnail`, `preview`, `activity`... */
  type?: string;
  /** URL. */
  url?: string;
  [key: string]: unknown;
}

/** A job preset with its stages (`job_presets.get`). */
export interface JobPreset {
  /** Id, as returned. */
  ID: string;
  /** Name. */
  name?: string;
  /** FTP settings, as text. */
  ftp_settings?: string;
  /** Workflow UUID. */
  wf_uuid?: string;
  /** The stages. The definitions' schema shows one stage object, their example and the portal a list; both decode (one object as a list of one). */
  presetstages?: PresetStage[];
  [key: string]: unknown;
}

/** A stage of a `JobPreset`. */
export interface PresetStage {
  /** Id, as returned. */
  ID: string;
  /** Name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Position, as text (`"1.0"`). */
  position?: string;
  /** Who may edit the stage. */
  editableBy?: string;
  /** Group the stage is restricted to. */
  restrictToGroupID?: string;
  /** Stage type. */
  type?: string;
  /** Responsible workflow user. */
  responsibleID?: string;
  /** Responsible workflow group. */
  responsibleGroupID?: string;
  [key: string]: unknown;
}

/** The portal user behind a workflow user or group member. */
export interface WorkflowBynderUser {
  /** Id, as returned. */
  id: string;
  /** First name. */
  firstName?: string;
  /** Last name. */
  lastName?: string;
  /** Name infix (`van`). */
  infix?: string;
  /** Email address. */
  email?: string;
  [key: string]: unknown;
}

/** A workflow user (`workflow_users.get`, items of `workflow_users.list`). */
export interface WorkflowUser {
  /** Id, as returned. */
  ID: string;
  /** Full name (`fullname` here, `fullName` in groups). */
  fullname?: string;
  /** The portal user. */
  BynderUser?: WorkflowBynderUser;
  [key: string]: unknown;
}

/** A user as a `WorkflowGroup` lists it. */
export interface WorkflowGroupMember {
  /** Id, as returned. */
  ID: string;
  /** Full name. */
  fullName?: string;
  /** The portal user. */
  bynderUser?: WorkflowBynderUser;
  [key: string]: unknown;
}

/** A workflow group with its users (`workflow_groups.get`, items of `workflow_groups.list`). */
export interface WorkflowGroup {
  /** Id, as returned. */
  ID: string;
  /** Name. */
  name?: string;
  /** Account id. */
  accountID?: string;
  /** Id of the workflow user who created it. */
  createdByID?: string;
  /** Creation date. */
  dateCreated?: string;
  /** The members. Kept when empty: an empty group answers `"users": []`. */
  users: WorkflowGroupMember[];
  [key: string]: unknown;
}

/** Who created a workflow metaproperty or option. */
export interface WorkflowCreator {
  /** Id, as returned. */
  ID: string;
  /** Full name. */
  fullName?: string;
  [key: string]: unknown;
}

/** A metaproperty of jobs or campaigns (`workflow_metaproperties.get`, items of `workflow_metaproperties.list`). */
export interface WorkflowMetaproperty {
  /** Id, as returned. */
  ID: string;
  /** Label. */
  label?: string;
  /** Short name, e.g. `JOB-9`. */
  short_name?: string;
  /** Description. */
  description?: string;
  /** Exported; text (`"false"`) in the definitions. */
  export?: string;
  /** Export name. */
  exportName?: string;
  /** Who removed it. */
  removed_by?: string;
  /** Metaproperty it depends on. */
  dependency?: string;
  /** Value of the dependency that shows it. */
  dependencyValue?: string;
  /** Linked asset bank metaproperty. */
  assetbank_metaproperty?: string;
  /** Position. */
  position?: number;
  /** Default. */
  default?: Flag;
  /** Required. */
  required?: Flag;
  /** Creation date. */
  dateCreated?: string;
  /** Type, e.g. `select`, `text`. */
  type?: string;
  /** `job` or `campaign`. */
  entity?: string;
  /** Who created it. */
  created_by?: WorkflowCreator;
  /** Options of a select. */
  options?: WorkflowMetapropertyOption[];
  [key: string]: unknown;
}

/** An option of a `WorkflowMetaproperty`. */
export interface WorkflowMetapropertyOption {
  /** Id, as returned. */
  ID: string;
  /** Label. */
  label?: string;
  /** Position. */
  position?: number;
  /** Default. */
  default?: Flag;
  /** Creation date. */
  dateCreated?: string;
  /** Id of its metaproperty. */
  metapropertyID?: string;
  /** Who created it. */
  created_by?: WorkflowCreator;
  [key: string]: unknown;
}

/** `jobs.create`, `jobs.modify` and `jobs.finish`: what happened to which job. */
export interface JobResult {
  /** `Created`, `Updated` or `Finished`. */
  status?: string;
  /** Id of the job (dashed RFC 4122 form). */
  job_id?: string;
  [key: string]: unknown;
}

/** `jobs.upload`: the job file made from an uploaded Files Service file. */
export interface JobUpload {
  /** Id of the job file (32 hex digits), as `jobs.media` lists it. */
  mediaId?: string;
  [key: string]: unknown;
}
