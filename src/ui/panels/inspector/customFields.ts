/**
 * Fields that get a form of their own instead of the generic one built from the schema,
 * by node kind and field name (a gateway's routes are a table with weight sliders, not JSON).
 */
import type { ComponentType } from 'react';
import { RoutesField } from './routes/RoutesField';

export interface CustomFieldProps {
  /** The whole element being edited (a node), for fields that depend on its other values. */
  root: unknown;
  value: unknown;
  /** The form's errors, keyed by path from the element ("routes[0].prefix"). */
  errors: Record<string, string>;
  /** Reports the field's new value: commit=false while typing (check only), true when done. */
  onEdit: (value: unknown, commit: boolean) => void;
  label: string;
  description?: string;
}

export type CustomFields = Readonly<Record<string, ComponentType<CustomFieldProps>>>;

const NONE: CustomFields = {};

const BY_KIND: Readonly<Record<string, CustomFields>> = {
  gateway: { routes: RoutesField },
};

export const customFieldsFor = (kind: string): CustomFields => BY_KIND[kind] ?? NONE;
