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

// Workflow ("API v5"). The service spells keys inconsistently (`ID` on campaigns, `id` on
// jobs, `fullname` on users but `fullName` in groups); they are listed as sent.

export interface Campaign {
  ID: string;
  name?: string;
  key?: string;
  closed?: boolean;
  description?: string;
  dateStart?: string;
  deadline?: string;
  accountID?: string;
  presetID?: string;
  createdByID?: string;
  responsibleID?: string;
  dateCreated?: string;
  dateModified?: string;
  thumbnailURL?: string;
  campaignMetaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A stage as a job refers to it; `position` is text. */
export interface JobStageRef {
  id: string;
  position?: string;
  status?: string;
  [key: string]: unknown;
}

export interface JobFinish {
  userId?: string;
  date?: string;
  [key: string]: unknown;
}

export interface Job {
  id: string;
  name?: string;
  description?: string;
  deadline?: string;
  createdByID?: string;
  accountableID?: string;
  dateCreated?: string;
  dateModified?: string;
  basedOnPreset?: string;
  presetID?: string;
  campaignID?: string;
  bookedMinutes?: number;
  jobKey?: string;
  dateFinished?: string;
  jobFinishedHistory?: JobFinish[];
  job_stages?: JobStageRef[];
  job_previous_stage?: JobStageRef;
  job_active_stage?: JobStageRef;
  job_next_stage?: JobStageRef;
  jobMetaproperties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StageResponsible {
  id: string;
  type?: "user" | "group";
  [key: string]: unknown;
}

export interface JobStage {
  id: string;
  name?: string;
  description?: string;
  deadline?: string;
  dateCreated?: string;
  createdByID?: string;
  status?: string;
  position?: number;
  responsible?: StageResponsible;
  [key: string]: unknown;
}

export interface JobMediaPreview {
  type?: string;
  url?: string;
  [key: string]: unknown;
}

export interface JobMedia {
  id: string;
  filename?: string;
  uploader_name?: string;
  responsible_name?: string;
  dateCreated?: string;
  dateModified?: string;
  orientation?: string;
  original_url?: string;
  status?: string;
  versionParentID?: string;
  version?: number;
  previews?: JobMediaPreview[];
  sub_versions?: JobMedia[];
  [key: string]: unknown;
}

export interface PresetStage {
  ID: string;
  name?: string;
  description?: string;
  position?: string;
  editableBy?: string;
  restrictToGroupID?: string;
  type?: string;
  responsibleID?: string;
  responsibleGroupID?: string;
  [key: string]: unknown;
}

export interface JobPreset {
  ID: string;
  name?: string;
  ftp_settings?: string;
  wf_uuid?: string;
  presetstages?: PresetStage[];
  [key: string]: unknown;
}

export interface WorkflowBynderUser {
  id: string;
  firstName?: string;
  lastName?: string;
  infix?: string;
  email?: string;
  [key: string]: unknown;
}

export interface WorkflowUser {
  ID: string;
  fullname?: string;
  BynderUser?: WorkflowBynderUser;
  [key: string]: unknown;
}

export interface WorkflowGroupMember {
  ID: string;
  fullName?: string;
  bynderUser?: WorkflowBynderUser;
  [key: string]: unknown;
}

export interface WorkflowGroup {
  ID: string;
  name?: string;
  accountID?: string;
  createdByID?: string;
  dateCreated?: string;
  users?: WorkflowGroupMember[];
  [key: string]: unknown;
}

export interface WorkflowCreator {
  ID: string;
  fullName?: string;
  [key: string]: unknown;
}

export interface WorkflowMetapropertyOption {
  ID: string;
  label?: string;
  position?: number;
  default?: boolean;
  dateCreated?: string;
  metapropertyID?: string;
  created_by?: WorkflowCreator;
  [key: string]: unknown;
}

export interface WorkflowMetaproperty {
  ID: string;
  label?: string;
  short_name?: string;
  description?: string;
  export?: string;
  exportName?: string;
  removed_by?: string;
  dependency?: string;
  dependencyValue?: string;
  assetbank_metaproperty?: string;
  position?: number;
  default?: boolean;
  required?: boolean;
  dateCreated?: string;
  type?: string;
  entity?: string;
  created_by?: WorkflowCreator;
  options?: WorkflowMetapropertyOption[];
  [key: string]: unknown;
}

// Automation workflow rules (snake_case, as the service sends them).

/** A relative date, an asset type or a metaproperty option, by which keys are set. */
export interface AutomationTerm {
  offset_amount?: number;
  offset_unit?: string;
  asset_type?: string;
  metaproperty_id?: string;
  metaproperty_option_id?: string;
  [key: string]: unknown;
}

export interface AutomationExpression {
  operator?: string;
  term?: AutomationTerm[];
  [key: string]: unknown;
}

export interface AutomationCondition {
  condition_type?: string;
  expression?: AutomationExpression;
  [key: string]: unknown;
}

/** Conditions that must all hold. */
export interface AutomationConditionGroup {
  and?: AutomationCondition[];
  [key: string]: unknown;
}

export interface AutomationAction {
  action_type?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface AutomationStep {
  step_triggers?: string[];
  conditions?: AutomationConditionGroup[];
  actions?: AutomationAction[];
  [key: string]: unknown;
}

export interface AutomationRule {
  id: string;
  name?: string;
  status?: string;
  account_id?: string;
  created_by_id?: string;
  edited_by_id?: string;
  date_created?: string;
  date_modified?: string;
  date_removed?: string;
  triggers?: string[];
  steps?: AutomationStep[];
  [key: string]: unknown;
}

export interface AutomationPageLinks {
  previous_page?: string;
  next_page?: string;
  [key: string]: unknown;
}

export interface AutomationRulePage {
  rules: AutomationRule[];
  metadata?: AutomationPageLinks;
  [key: string]: unknown;
}

export interface AutomationTrigger {
  name?: string;
  [key: string]: unknown;
}

export interface AutomationTriggers {
  triggers: AutomationTrigger[];
  [key: string]: unknown;
}

export interface AutomationConditionInfo {
  name?: string;
  weight?: number;
  operators?: string[];
  terms?: AutomationTerm[];
  [key: string]: unknown;
}

export interface AutomationConditions {
  conditions: AutomationConditionInfo[];
  max_conditions_count?: number;
  [key: string]: unknown;
}

export interface AutomationActionInfo {
  action_type?: string;
  [key: string]: unknown;
}

export interface AutomationActions {
  actions: AutomationActionInfo[];
  max_actions_limit?: number;
  [key: string]: unknown;
}

// Brandstore. The order list and the order detail spell their keys differently.

export interface OrderSummary {
  id: string;
  order_ref?: string;
  net_price?: number;
  date_created?: string;
  username?: string;
  account_name?: string;
  order_status?: string;
  currency_symbol?: string;
  [key: string]: unknown;
}

export interface Order {
  id: string;
  dateCreated?: string;
  status?: string;
  orderReference?: string;
  [key: string]: unknown;
}

export interface StoreProduct {
  id: string;
  name?: string;
  description?: string;
  isFeatured?: boolean;
  product_number?: string;
  size_height?: number;
  size_width?: number;
  size_depth?: number;
  weight?: number;
  min_quantity?: number;
  max_quantity?: number;
  default_quantity?: number;
  datecreated?: string;
  isActive?: boolean;
  product_type?: string;
  product_package?: string;
  sku?: string;
  step?: number;
  display_length_unit?: string;
  isFree?: boolean;
  isShipping?: boolean;
  [key: string]: unknown;
}

/** An orderline: `orderlines.get` answers its status, items of `orders.products` its
 * product, quantity and price. */
export interface Orderline {
  id: string;
  orderId?: string;
  status?: string;
  customerReference?: string;
  product?: StoreProduct;
  referenceId?: string;
  name?: string;
  itemPrice?: number;
  quantity?: number;
  [key: string]: unknown;
}
