-- Demo CRM database in the classic open-source CRM layout (MariaDB/MySQL).
-- Run it in an empty database, then point a jdbc system with `preset: crm` at that database.
-- Date-times are UTC, as such CRMs store them. Users: admin, alice, bob.

CREATE TABLE users (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_name VARCHAR(60) NOT NULL UNIQUE,
  first_name VARCHAR(30) NULL,
  last_name VARCHAR(30) NULL,
  status VARCHAR(100) NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE accounts (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(150) NOT NULL,
  industry VARCHAR(50) NULL,
  phone_office VARCHAR(100) NULL,
  website VARCHAR(255) NULL,
  billing_address_city VARCHAR(100) NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE contacts (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  salutation VARCHAR(255) NULL,
  first_name VARCHAR(100) NULL,
  last_name VARCHAR(100) NOT NULL,
  title VARCHAR(100) NULL,
  department VARCHAR(255) NULL,
  account_id INT NULL,
  phone_home VARCHAR(100) NULL,
  phone_mobile VARCHAR(100) NULL,
  phone_work VARCHAR(100) NULL,
  phone_fax VARCHAR(100) NULL,
  primary_address_street VARCHAR(150) NULL,
  primary_address_city VARCHAR(100) NULL,
  primary_address_state VARCHAR(100) NULL,
  primary_address_postalcode VARCHAR(20) NULL,
  primary_address_country VARCHAR(255) NULL,
  birthdate DATE NULL,
  description TEXT NULL,
  do_not_call TINYINT(1) NOT NULL DEFAULT 0,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE email_addresses (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  bean_id INT NOT NULL,
  bean_module VARCHAR(100) NOT NULL,
  email_address VARCHAR(255) NOT NULL,
  primary_address TINYINT(1) NOT NULL DEFAULT 0,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE meetings (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  location VARCHAR(50) NULL,
  date_start DATETIME NOT NULL,
  date_end DATETIME NULL,
  status VARCHAR(100) NULL,
  description TEXT NULL,
  parent_type VARCHAR(100) NULL,
  parent_id INT NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE calls (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  direction VARCHAR(100) NULL,
  date_start DATETIME NOT NULL,
  date_end DATETIME NULL,
  status VARCHAR(100) NULL,
  description TEXT NULL,
  parent_type VARCHAR(100) NULL,
  parent_id INT NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE tasks (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  status VARCHAR(100) NULL,
  date_start DATETIME NULL,
  date_due DATETIME NULL,
  priority VARCHAR(100) NULL,
  description TEXT NULL,
  contact_id INT NULL,
  parent_type VARCHAR(100) NULL,
  parent_id INT NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE notes (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  description TEXT NULL,
  filename VARCHAR(255) NULL,
  file_mime_type VARCHAR(100) NULL,
  contact_id INT NULL,
  parent_type VARCHAR(100) NULL,
  parent_id INT NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE emails (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  message_id VARCHAR(255) NULL,
  date_sent DATETIME NULL,
  type VARCHAR(100) NULL,
  status VARCHAR(100) NULL,
  from_addr VARCHAR(255) NULL,
  to_addrs TEXT NULL,
  cc_addrs TEXT NULL,
  description LONGTEXT NULL,
  description_html LONGTEXT NULL,
  parent_type VARCHAR(100) NULL,
  parent_id INT NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE emails_beans (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email_id INT NOT NULL,
  bean_id INT NOT NULL,
  bean_module VARCHAR(100) NOT NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE projects (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  description TEXT NULL,
  status VARCHAR(50) NULL,
  priority VARCHAR(255) NULL,
  estimated_start_date DATE NULL,
  estimated_end_date DATE NULL,
  assigned_user_id INT NULL,
  date_entered DATETIME NULL,
  date_modified DATETIME NULL,
  deleted TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX idx_email_bean ON email_addresses (bean_module, bean_id);

CREATE INDEX idx_accounts_assigned ON accounts (assigned_user_id, deleted);

CREATE INDEX idx_contacts_assigned ON contacts (assigned_user_id, deleted);

CREATE INDEX idx_meetings_assigned ON meetings (assigned_user_id, deleted);

CREATE INDEX idx_calls_assigned ON calls (assigned_user_id, deleted);

CREATE INDEX idx_tasks_assigned ON tasks (assigned_user_id, deleted);

CREATE INDEX idx_notes_assigned ON notes (assigned_user_id, deleted);

CREATE INDEX idx_emails_assigned ON emails (assigned_user_id, deleted);

CREATE INDEX idx_emails_message_id ON emails (message_id);

CREATE INDEX idx_emails_beans_bean ON emails_beans (bean_module, bean_id, email_id);

CREATE INDEX idx_emails_beans_email ON emails_beans (email_id);

CREATE INDEX idx_notes_parent ON notes (parent_type, parent_id);

CREATE INDEX idx_projects_assigned ON projects (assigned_user_id, deleted);

INSERT INTO users (user_name, first_name, last_name, status) VALUES ('admin', 'Ada', 'Admin', 'Active');
INSERT INTO users (user_name, first_name, last_name, status) VALUES ('alice', 'Alice', 'Martin', 'Active');
INSERT INTO users (user_name, first_name, last_name, status) VALUES ('bob', 'Bob', 'Keller', 'Active');
INSERT INTO accounts (name, industry, phone_office, website, billing_address_city, assigned_user_id, date_entered, date_modified) VALUES ('Northwind Traders', 'Retail', '+49 30 1234560', 'https://northwind.example', 'Berlin', 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO accounts (name, industry, phone_office, website, billing_address_city, assigned_user_id, date_entered, date_modified) VALUES ('Blue Harbor Logistics', 'Transportation', '+33 1 44 55 66 00', 'https://blueharbor.example', 'Lyon', 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO accounts (name, industry, phone_office, website, billing_address_city, assigned_user_id, date_entered, date_modified) VALUES ('Oakridge Clinic', 'Healthcare', '+1 503 555 0100', 'https://oakridge.example', 'Portland', 3, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO accounts (name, industry, phone_office, website, billing_address_city, assigned_user_id, date_entered, date_modified) VALUES ('Fjord Energy', 'Energy', '+47 22 00 11 22', 'https://fjord-energy.example', 'Oslo', 3, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Ms.', 'Hanna', 'Schulz', 'Purchasing Manager', 1, '+49 30 1234561', '+49 171 5550101', NULL, '+49 30 1234569', 'Friedrichstr. 12', 'Berlin', NULL, '10117', 'Germany', '1984-06-21', 'Prefers calls before noon.', 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Mr.', 'Lukas', 'Brandt', 'Head of IT', 1, '+49 30 1234562', NULL, NULL, NULL, 'Friedrichstr. 12', 'Berlin', NULL, '10117', 'Germany', NULL, NULL, 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Ms.', 'Camille', 'Durand', 'Operations Director', 2, '+33 1 44 55 66 01', '+33 6 12 34 56 78', NULL, NULL, '12 quai Perrache', 'Lyon', NULL, '69002', 'France', '1979-11-02', 'Met at the Lyon logistics fair.', 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Mr.', 'Julien', 'O''Neil', 'Fleet Planner', 2, '+33 1 44 55 66 02', NULL, '+33 4 78 00 00 00', NULL, '12 quai Perrache', 'Lyon', NULL, '69002', 'France', NULL, NULL, 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Dr.', 'Maya', 'Patel', 'Medical Director', 3, '+1 503 555 0101', '+1 503 555 0199', NULL, NULL, '200 Oak St', 'Portland', 'OR', '97204', 'USA', '1975-02-14', NULL, 3, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Mr.', 'Ethan', 'Brooks', 'Office Manager', 3, '+1 503 555 0102', NULL, NULL, '+1 503 555 0109', '200 Oak St', 'Portland', 'OR', '97204', 'USA', NULL, 'Handles all invoices.', 3, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Ms.', 'Ingrid', 'Solberg', 'CFO', 4, '+47 22 00 11 23', '+47 900 11 222', NULL, NULL, 'Karl Johans gate 5', 'Oslo', NULL, '0154', 'Norway', '1988-09-30', NULL, 3, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES ('Mr.', 'Nils', 'Haugen', 'Project Engineer', 4, '+47 22 00 11 24', NULL, NULL, NULL, 'Karl Johans gate 5', 'Oslo', NULL, '0154', 'Norway', NULL, NULL, 3, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified) VALUES (NULL, 'Sofia', 'Rossi', 'Consultant', NULL, NULL, '+39 333 123 4567', NULL, NULL, NULL, 'Milano', NULL, NULL, 'Italy', NULL, 'Freelance; works with Northwind.', 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00');
INSERT INTO contacts (salutation, first_name, last_name, title, account_id, phone_work, phone_mobile, phone_home, phone_fax, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, birthdate, description, assigned_user_id, date_entered, date_modified, deleted) VALUES ('Mr.', 'Old', 'Lead', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'Left the company.', 2, '2025-03-03 08:15:00', '2025-03-03 08:15:00', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (1, 'Contacts', 'hanna.schulz@northwind.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (2, 'Contacts', 'lukas.brandt@northwind.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (3, 'Contacts', 'camille.durand@blueharbor.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (3, 'Contacts', 'c.durand@gmail.example', 0);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (4, 'Contacts', 'julien.oneil@blueharbor.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (5, 'Contacts', 'maya.patel@oakridge.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (6, 'Contacts', 'ethan.brooks@oakridge.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (7, 'Contacts', 'ingrid.solberg@fjord-energy.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (8, 'Contacts', 'nils.haugen@fjord-energy.example', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (9, 'Contacts', 'sofia.rossi@example.net', 1);
INSERT INTO email_addresses (bean_id, bean_module, email_address, primary_address) VALUES (1, 'Accounts', 'info@northwind.example', 1);
INSERT INTO meetings (name, location, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Quarterly review', 'Northwind HQ', '2025-04-02 08:00:00', '2025-04-02 09:30:00', 'Planned', 'Review Q1 orders and forecast.', 'Accounts', 1, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO meetings (name, location, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Warehouse visit', 'Lyon depot', '2025-04-08 12:00:00', '2025-04-08 15:00:00', 'Planned', NULL, 'Accounts', 2, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO meetings (name, location, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Contract renewal', 'Video call', '2025-03-20 16:00:00', '2025-03-20 17:00:00', 'Held', 'Renewed for two years.', 'Accounts', 3, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO meetings (name, location, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Budget planning', 'Oslo office', '2025-04-15 07:30:00', '2025-04-15 09:00:00', 'Planned', NULL, 'Accounts', 4, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO meetings (name, location, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Cancelled demo', NULL, '2025-03-25 13:00:00', '2025-03-25 14:00:00', 'Not Held', NULL, NULL, NULL, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO calls (name, direction, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Follow up on quote', 'Outbound', '2025-04-03 09:00:00', '2025-04-03 09:15:00', 'Planned', 'Send revised pricing.', 'Contacts', 1, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO calls (name, direction, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Support escalation', 'Inbound', '2025-03-18 14:00:00', '2025-03-18 14:30:00', 'Held', NULL, 'Contacts', 5, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO calls (name, direction, date_start, date_end, status, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Intro call', 'Outbound', '2025-04-10 10:00:00', '2025-04-10 10:20:00', 'Planned', NULL, 'Contacts', 9, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO tasks (name, status, date_start, date_due, priority, description, contact_id, assigned_user_id, date_entered, date_modified) VALUES ('Send proposal', 'In Progress', '2025-03-28 08:00:00', '2025-04-04 16:00:00', 'High', 'Include volume discount.', 1, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO tasks (name, status, date_start, date_due, priority, description, contact_id, assigned_user_id, date_entered, date_modified) VALUES ('Prepare demo data', 'Not Started', NULL, '2025-04-07 12:00:00', 'Medium', NULL, 3, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO tasks (name, status, date_start, date_due, priority, description, contact_id, assigned_user_id, date_entered, date_modified) VALUES ('Renew certificate', 'Completed', '2025-03-01 08:00:00', '2025-03-15 17:00:00', 'Low', NULL, NULL, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO tasks (name, status, date_start, date_due, priority, description, contact_id, assigned_user_id, date_entered, date_modified) VALUES ('Call back about invoice', 'Pending Input', NULL, '2025-04-01 10:00:00', 'Medium', 'Waiting for PO number.', 6, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO tasks (name, status, date_start, date_due, priority, description, contact_id, assigned_user_id, date_entered, date_modified) VALUES ('Plan site survey', 'Not Started', '2025-04-14 08:00:00', '2025-04-18 16:00:00', 'High', NULL, 8, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO notes (name, description, contact_id, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Pricing expectations', 'Hanna expects 5% off for orders over 10k.', 1, 'Accounts', 1, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO notes (name, description, contact_id, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Fleet size', 'Blue Harbor runs 140 trucks, 30 electric.', 4, 'Accounts', 2, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO notes (name, description, contact_id, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Decision makers', 'Maya signs; Ethan handles paperwork.', 5, 'Accounts', 3, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO emails (name, message_id, type, status, date_sent, from_addr, to_addrs, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Re: Proposal', '<8f3c1a20.4471@northwind.example>', 'archived', 'archived', '2025-03-27 15:42:00', 'hanna.schulz@northwind.example', 'alice@crm.example', 'Thanks, we will review it this week.', 'Contacts', 1, 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO emails (name, message_id, type, status, date_sent, from_addr, to_addrs, description, parent_type, parent_id, assigned_user_id, date_entered, date_modified) VALUES ('Meeting notes', '<renewal-summary.20250320@crm.example>', 'archived', 'archived', '2025-03-20 17:05:00', 'bob@crm.example', 'maya.patel@oakridge.example', 'Summary of the renewal call.', 'Contacts', 5, 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO emails_beans (email_id, bean_id, bean_module, date_modified) VALUES (1, 1, 'Contacts', '2025-03-04 10:00:00');
INSERT INTO emails_beans (email_id, bean_id, bean_module, date_modified) VALUES (1, 1, 'Accounts', '2025-03-04 10:00:00');
INSERT INTO emails_beans (email_id, bean_id, bean_module, date_modified) VALUES (2, 5, 'Contacts', '2025-03-04 10:00:00');
INSERT INTO projects (name, description, status, priority, estimated_start_date, estimated_end_date, assigned_user_id, date_entered, date_modified) VALUES ('Northwind webshop relaunch', 'New ordering portal for Northwind''s retail partners.', 'In Progress', 'high', '2025-03-10', '2025-06-30', 2, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
INSERT INTO projects (name, description, status, priority, estimated_start_date, estimated_end_date, assigned_user_id, date_entered, date_modified) VALUES ('Fjord Energy site survey', 'Survey of the Bergen substation sites.', 'Draft', 'medium', '2025-04-14', '2025-05-16', 3, '2025-03-04 10:00:00', '2025-03-04 10:00:00');
